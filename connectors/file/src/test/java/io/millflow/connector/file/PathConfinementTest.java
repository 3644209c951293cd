package io.millflow.connector.file;

import static io.millflow.connector.file.CsvFilesTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathConfinementTest {

  @TempDir Path root;

  @Test
  void refusesAPathThatClimbsOutOfTheBase() throws Exception {
    FileFixture files = fixture();
    Files.writeString(root.resolve("secret.csv"), "a\n1\n");

    assertRefused(() -> files.read("../secret.csv"), "../secret.csv");
    assertRefused(() -> files.read("in/../../secret.csv"), "in/../../secret.csv");
    assertRefused(() -> files.write("../out.csv", List.of(row("a", 1))), "../out.csv");
    assertThat(root.resolve("out.csv")).doesNotExist();
  }

  @Test
  void acceptsDotDotThatStaysInside() throws Exception {
    FileFixture files = fixture();
    files.writeText("in/parts.csv", "a\n1\n");

    assertThat(files.read("in/../in/./parts.csv").records().count()).isEqualTo(1);
  }

  @Test
  void refusesAnAbsolutePathEvenInsideTheBase() throws Exception {
    FileFixture files = fixture();
    files.writeText("parts.csv", "a\n1\n");
    String absolute = files.file("parts.csv").toString();

    assertRefused(() -> files.read(absolute), absolute);
    assertRefused(() -> files.read("/etc/passwd"), "/etc/passwd");
  }

  @Test
  void refusesASymlinkToAFileOutside() throws Exception {
    FileFixture files = fixture();
    Files.writeString(root.resolve("secret.csv"), "a\n1\n");
    Files.createSymbolicLink(files.file("link.csv"), root.resolve("secret.csv"));

    assertRefused(() -> files.read("link.csv"), "link.csv");
    assertRefused(
        () -> files.write("link.csv", FileWriteMode.OVERWRITE, List.of(row("a", 2))), "link.csv");
    assertThat(Files.readString(root.resolve("secret.csv"))).isEqualTo("a\n1\n");
  }

  @Test
  void refusesToWriteThroughADirectorySymlinkOutside() throws Exception {
    FileFixture files = fixture();
    Path outside = Files.createDirectory(root.resolve("outside"));
    Files.createSymbolicLink(files.file("exports"), outside);

    assertRefused(
        () -> files.write("exports/new/orders.csv", List.of(row("a", 1))),
        "exports/new/orders.csv");
    assertThat(outside.resolve("new")).doesNotExist();
  }

  @Test
  void refusesADanglingSymlink() throws Exception {
    FileFixture files = fixture();
    Files.createSymbolicLink(files.file("gone.csv"), root.resolve("nowhere.csv"));

    assertRefused(
        () -> files.write("gone.csv", FileWriteMode.OVERWRITE, List.of(row("a", 1))), "gone.csv");
    assertThat(root.resolve("nowhere.csv")).doesNotExist();
  }

  @Test
  void followsASymlinkThatStaysInside() throws Exception {
    FileFixture files = fixture();
    files.writeText("data/parts.csv", "a\n1\n");
    Files.createSymbolicLink(files.file("latest.csv"), files.file("data/parts.csv"));

    assertThat(files.read("latest.csv").records().count()).isEqualTo(1);
  }

  @Test
  void namesTheMissingFile() {
    FileFixture files = fixture();

    assertThatThrownBy(() -> files.read("in/missing.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("FILE_NOT_FOUND"))
        .hasMessageContaining("'in/missing.csv'")
        .hasMessageContaining("'files'");
  }

  @Test
  void refusesADirectoryAsTheFileToRead() throws Exception {
    FileFixture files = fixture();
    Files.createDirectory(files.file("in.csv"));

    assertThatThrownBy(() -> files.read("in.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_PATH"));
  }

  @Test
  void refusesTheBaseItselfAsAFile() {
    FileFixture files = fixture();

    assertThatThrownBy(() -> files.write(".", FileWriteMode.OVERWRITE, List.of(row("a", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_PATH"));
  }

  @Test
  void refusesToOverwriteADirectory() throws Exception {
    FileFixture files = fixture();
    Files.createDirectory(files.file("out.csv"));

    assertThatThrownBy(() -> files.write("out.csv", FileWriteMode.OVERWRITE, List.of(row("a", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_PATH"));
    assertThat(files.file("out.csv")).isDirectory();
  }

  @Test
  void reportsAFileWhereADirectoryOfThePathShouldBe() throws Exception {
    FileFixture files = fixture();
    files.writeText("out", "a file\n");

    assertThatThrownBy(() -> files.write("out/orders.csv", List.of(row("a", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_PATH"));
  }

  @Test
  void refusesAReadOnlySettingThatIsNeitherTrueNorFalse() {
    FileFixture files = new FileFixture(root, Map.of("readOnly", "yes"));

    assertThatThrownBy(() -> files.read("a.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("'settings.readOnly'");
  }

  @Test
  void refusesAConnectionOfAnotherType() {
    TestStepContext context =
        new TestStepContext()
            .withConnection(
                new Connection(
                    "db", "postgres", Map.of("baseDirectory", root.toString()), Map.of()));

    assertThatThrownBy(
            () ->
                new FileRead(FileRoots.only(root))
                    .run(
                        new FileRead.Input("db", "a.csv", null, null, null, null, null, null),
                        context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("WRONG_CONNECTION_TYPE"));
  }

  @Test
  void refusesARelativeOrMissingBaseDirectory() {
    for (String baseDirectory : List.of("relative/dir", root.resolve("absent").toString())) {
      TestStepContext context =
          new TestStepContext()
              .withConnection(
                  new Connection(
                      "files", "file", Map.of("baseDirectory", baseDirectory), Map.of()));

      assertThatThrownBy(
              () ->
                  new FileRead(FileRoots.only(root))
                      .run(
                          new FileRead.Input("files", "a.csv", null, null, null, null, null, null),
                          context))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
          .hasMessageContaining("baseDirectory");
    }
  }

  private FileFixture fixture() {
    try {
      return new FileFixture(Files.createDirectories(root.resolve("base")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertRefused(ThrowingCallable step, String path) {
    assertThatThrownBy(step)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("PATH_OUTSIDE_BASE"))
        .hasMessageContaining("'" + path + "'")
        .hasMessageContaining("'files'")
        .hasMessageContaining(root.resolve("base").toString());
  }
}
