package io.millflow.connector.file;

import static io.millflow.connector.file.CsvFilesTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipFilesTest {

  private static final List<Map<String, Object>> ROWS =
      List.of(row("part", "A", "qty", "1"), row("part", "B", "qty", "2"));

  @TempDir Path base;

  @Test
  void compressesAndDecompressesByTheGzSuffix() throws Exception {
    FileFixture files = new FileFixture(base);

    files.write("parts.csv.gz", ROWS);

    assertThat(gunzip(files.file("parts.csv.gz"))).isEqualTo("part,qty\nA,1\nB,2\n");
    assertThat(files.records(files.read("parts.csv.gz"))).isEqualTo(FileFixture.asJson(ROWS));
  }

  @Test
  void readsAGzipFileWrittenByAnotherTool() throws Exception {
    FileFixture files = new FileFixture(base);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(files.file("events.jsonl.gz")))) {
      out.write("{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(files.read("events.jsonl.gz").records().count()).isEqualTo(2);
  }

  @Test
  void compressesWhenAskedWhateverTheName() throws Exception {
    FileFixture files = new FileFixture(base);
    files.write(
        new FileWrite.Input(
            FileFixture.CONNECTION,
            "parts.csv",
            null,
            Compression.GZIP,
            null,
            null,
            null,
            null,
            files.dataset(ROWS)));

    assertThat(gunzip(files.file("parts.csv"))).startsWith("part,qty\n");
    assertThat(
            files
                .read(
                    new FileRead.Input(
                        FileFixture.CONNECTION,
                        "parts.csv",
                        null,
                        Compression.GZIP,
                        null,
                        null,
                        null,
                        null))
                .records()
                .count())
        .isEqualTo(2);
  }

  @Test
  void leavesAGzNamedFileUncompressedWhenToldNone() throws Exception {
    FileFixture files = new FileFixture(base);
    files.write(
        new FileWrite.Input(
            FileFixture.CONNECTION,
            "parts.csv.gz",
            null,
            Compression.NONE,
            null,
            null,
            null,
            null,
            files.dataset(ROWS)));

    assertThat(files.readText("parts.csv.gz")).isEqualTo("part,qty\nA,1\nB,2\n");
  }

  @Test
  void reportsAFileThatIsNotGzip() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.csv.gz", "part,qty\nA,1\n");

    assertThatThrownBy(() -> files.read("parts.csv.gz"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"))
        .hasMessageContaining("gzip")
        .hasMessageContaining("'compression'");
  }

  @Test
  void reportsATruncatedGzipFile() throws Exception {
    FileFixture files = new FileFixture(base);
    files.write("parts.csv.gz", ROWS);
    byte[] whole = Files.readAllBytes(files.file("parts.csv.gz"));
    Files.write(files.file("cut.csv.gz"), Arrays.copyOf(whole, whole.length - 10));

    assertThatThrownBy(() -> files.read("cut.csv.gz"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"));
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
