package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.ReadResult;
import io.millflow.step.WriteResult;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams a file far larger than any one chunk, both ways; counts and progress, not timing. */
class LargeFileTest {

  private static final int ROWS = 200_000;

  @TempDir Path base;

  @Test
  void streamsA200000RowCsvIntoADatasetAndBack() throws Exception {
    FileFixture files = new FileFixture(base);
    try (BufferedWriter out = Files.newBufferedWriter(files.file("big.csv"))) {
      out.write("id,part,qty\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(i + ",P-" + (i % 977) + "," + (i % 13) + "\n");
      }
    }

    ReadResult read = files.read("big.csv");
    WriteResult written =
        files.write(
            new FileWrite.Input(
                FileFixture.CONNECTION,
                "copy.csv.gz",
                null,
                null,
                null,
                null,
                null,
                null,
                read.records()));

    assertThat(read.records().count()).isEqualTo(ROWS);
    assertThat(written.inserted()).isEqualTo(ROWS);
    assertThat(files.context().progressReports())
        .extracting(report -> report[0])
        .contains(10_000L, 100_000L, 200_000L);
    assertThat(files.read("copy.csv.gz").records().count()).isEqualTo(ROWS);
  }
}
