package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectionTesterTest {

  @TempDir Path dir;

  private FileConnectionTester tester() {
    return new FileConnectionTester(FileRoots.only(dir));
  }

  @Test
  void passesForAWritableDirectoryAndLeavesNothingBehind() throws Exception {
    ConnectionCheck check = tester().test("t", connection(dir.toString(), "false"));

    assertThat(check.ok()).isTrue();
    assertThat(check.details()).containsEntry("access", "read and write");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void namesAMissingDirectoryAsIncompleteSettings() {
    ConnectionCheck check = tester().test("t", connection(dir.resolve("nope").toString(), "false"));

    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(check.message()).contains("does not exist");
  }

  @Test
  void refusesAFileWhereADirectoryBelongs() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");

    ConnectionCheck check = tester().test("t", connection(file.toString(), "false"));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(check.message()).contains("is not a directory");
  }

  private static Connection connection(String base, String readOnly) {
    return new Connection(
        "files", "file", Map.of("baseDirectory", base, "readOnly", readOnly), Map.of());
  }
}
