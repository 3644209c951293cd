package io.millflow.connector.file;

import static io.millflow.connector.file.CsvFilesTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

  @TempDir Path base;

  @Test
  void createModeRefusesAnExistingFileAndLeavesIt() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.csv", "old\n");

    assertThatThrownBy(() -> files.write("parts.csv", List.of(row("a", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("FILE_EXISTS"))
        .hasMessageContaining("'parts.csv'")
        .hasMessageContaining("overwrite");
    assertThat(files.readText("parts.csv")).isEqualTo("old\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void overwriteReplacesTheFile() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.csv", "old\n");

    WriteResult result = files.write("parts.csv", FileWriteMode.OVERWRITE, List.of(row("a", 1)));

    assertThat(result)
        .extracting(WriteResult::inserted, WriteResult::updated, WriteResult::unchanged)
        .containsExactly(1L, 0L, 0L);
    assertThat(files.readText("parts.csv")).isEqualTo("a\n1\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFailedOverwriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.csv", "old\n");

    assertThatThrownBy(
            () ->
                files.write(
                    "parts.csv",
                    FileWriteMode.OVERWRITE,
                    List.of(row("a", 1), row("a", 2), row("a", 3, "b", 4))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FIELD"));

    assertThat(files.readText("parts.csv")).isEqualTo("old\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aCharacterTheEncodingCannotHoldFailsTheWriteAndLeavesNoFile() throws Exception {
    FileFixture files = new FileFixture(base);

    assertThatThrownBy(
            () ->
                files.write(
                    new FileWrite.Input(
                        FileFixture.CONNECTION,
                        "parts.csv",
                        null,
                        null,
                        null,
                        null,
                        "ISO-8859-1",
                        null,
                        files.dataset(List.of(row("name", "株式会社"))))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("ENCODING_MISMATCH"));

    assertThat(files.file("parts.csv")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void readOnlyConnectionRefusesWrites() {
    FileFixture files = new FileFixture(base, Map.of("readOnly", "true"));

    assertThatThrownBy(() -> files.write("parts.csv", List.of(row("a", 1))))
        .isInstanceOfSatisfying(StepFailure.class, e -> assertThat(e.code()).isEqualTo("READ_ONLY"))
        .hasMessageContaining("'files'");
    assertThat(files.file("parts.csv")).doesNotExist();
  }

  @Test
  void readOnlyConnectionStillReads() throws Exception {
    FileFixture files = new FileFixture(base, Map.of("readOnly", "true"));
    files.writeText("parts.csv", "a\n1\n");

    assertThat(files.read("parts.csv").records().count()).isEqualTo(1);
  }

  @Test
  void createsMissingDirectoriesInsideTheBase() throws Exception {
    FileFixture files = new FileFixture(base);

    files.write("exports/2026/11/parts.jsonl", List.of(row("a", 1)));

    assertThat(files.readText("exports/2026/11/parts.jsonl")).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void writesAnEmptyDatasetAsAnEmptyFile() throws Exception {
    FileFixture files = new FileFixture(base);

    WriteResult result = files.write("empty.csv", List.of());

    assertThat(result.inserted()).isZero();
    assertThat(files.readText("empty.csv")).isEmpty();
    assertThat(files.read("empty.csv").records().count()).isZero();
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> all = Files.walk(base)) {
      return all.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
