package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file connection's base directory stays inside its tenant's roots: refused before it is saved
 * (naming the field and the roots) and again when a step starts, whether it is absolute, climbs out
 * with '..' or leaves through a link.
 */
class BaseDirectoryRootsTest {

  @TempDir Path dir;

  /**
   * Each tenant's root is its own folder, as the runtime's default {@code
   * <data-dir>/files/<tenant>}.
   */
  private FileRoots roots;

  private TestStepContext context;

  @BeforeEach
  void tenants() throws Exception {
    roots = tenantId -> List.of(dir.resolve(tenantId));
    Files.createDirectories(dir.resolve("test/exports"));
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/secret.csv"), "a\n1\n");
    Files.writeString(dir.resolve("test/exports/mine.csv"), "a\n1\n");
    context = new TestStepContext();
  }

  @Test
  void aRelativeBaseDirectoryResolvesUnderTheTenantsRoot() {
    assertThat(refusal("exports")).isEmpty();
    assertThat(read("exports", "mine.csv").records().count()).isEqualTo(1);
  }

  @Test
  void anAbsoluteBaseDirectoryOutsideTheRootsIsRefusedNamingTheFieldAndTheRoot() {
    assertThat(refusal("/etc"))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith("Field 'settings.baseDirectory'")
                    .contains(dir.resolve(context.tenantId()).toString()));
    assertRefusedAtRunTime("/etc", "passwd");
  }

  @Test
  void anotherTenantsFilesAreOutOfReachThroughDotDotAndThroughALink() throws Exception {
    Files.createSymbolicLink(dir.resolve("test/link"), dir.resolve("other"));
    for (String base :
        List.of("../other", dir.resolve("other").toString(), "link", "exports/../../other")) {
      assertThat(refusal(base)).as(base).isPresent();
      assertRefusedAtRunTime(base, "secret.csv");
    }
  }

  private java.util.Optional<String> refusal(String baseDirectory) {
    return new FileConnectionTester(roots).refusal(context.tenantId(), connection(baseDirectory));
  }

  private io.millflow.step.ReadResult read(String baseDirectory, String path) {
    context.withConnection(connection(baseDirectory));
    return new FileRead(roots)
        .run(new FileRead.Input("files", path, null, null, null, null, null, null), context);
  }

  private void assertRefusedAtRunTime(String baseDirectory, String path) {
    assertThatThrownBy(() -> read(baseDirectory, path))
        .as(baseDirectory)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("outside the directories");
  }

  private static Connection connection(String baseDirectory) {
    return new Connection("files", "file", Map.of("baseDirectory", baseDirectory), Map.of());
  }
}
