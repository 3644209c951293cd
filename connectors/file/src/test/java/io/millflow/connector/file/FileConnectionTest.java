package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileConnectionTest {

  private static final ConnectionKind<FileConnection> FILE =
      ConnectionKind.of(FileConnection.class);

  @Test
  void bindsTheBaseDirectoryAndReadOnlyDefaultingToFalse() {
    assertThat(
            FILE.bind(
                new Connection("files", "file", Map.of("baseDirectory", " exports "), Map.of())))
        .isEqualTo(new FileConnection("exports", false));
    assertThat(
            FILE.bind(
                    new Connection(
                        "files",
                        "file",
                        Map.of("baseDirectory", "x", "readOnly", "TRUE"),
                        Map.of()))
                .readOnly())
        .isTrue();
  }

  @Test
  void refusesAMissingDirectoryAndAReadOnlyThatIsNoBooleanNamingTheField() {
    assertThatThrownBy(() -> FILE.bind(new Connection("files", "file", Map.of(), Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("field 'settings.baseDirectory' is missing");
    assertThatThrownBy(
            () ->
                FILE.bind(
                    new Connection(
                        "files",
                        "file",
                        Map.of("baseDirectory", "x", "readOnly", "yes please"),
                        Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.readOnly' has a value of the wrong type");
  }

  @Test
  void hasNoSecretsToHide() {
    assertThat(new FileConnection("exports", true).toString())
        .isEqualTo("FileConnection[baseDirectory=exports, readOnly=true]");
  }
}
