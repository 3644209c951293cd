package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileErrorsTest {

  private static final BaseDirectory BASE =
      new BaseDirectory("exports", Path.of("/data/exports"), Path.of("/data/exports"), false);

  @Test
  void retriesAFullDiskAndSaysToFreeSpace() {
    StepException error =
        FileErrors.translate(new IOException("No space left on device"), "writing 'a.csv'", BASE);

    assertThat(error)
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("free some space")
        .hasMessageContaining("'exports'")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void retriesAnUnclassifiedIoError() {
    StepException error =
        FileErrors.translate(new IOException("Stale file handle"), "reading 'a.csv'", BASE);

    assertThat(error)
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("Stale file handle");
  }

  @Test
  void doesNotRetryWhatARetryCannotFix() {
    StepException denied =
        FileErrors.translate(
            new AccessDeniedException("/data/exports/a.csv"), "reading 'a.csv'", BASE);
    StepException readOnlyMount =
        FileErrors.translate(
            new FileSystemException("/data/exports/a.csv", null, "Read-only file system"),
            "writing 'a.csv'",
            BASE);

    assertThat(denied)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("ACCESS_DENIED"));
    assertThat(readOnlyMount)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("ACCESS_DENIED"));
  }
}
