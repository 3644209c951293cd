package io.millflow.connector.file;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.StepFailure;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Checks a {@code file} connection: the base directory exists and is a directory, and, unless the connection is
 * read-only, that a file can be created and removed in it (the way file.write will write: a temporary file).
 */
@Singleton
public final class FileConnectionTester implements ConnectionTester {

  @Override
  public String type() {
    return BaseDirectory.TYPE;
  }

  @Override
  public ConnectionCheck test(Connection connection) {
    long started = System.nanoTime();
    BaseDirectory base;
    try {
      base = BaseDirectory.of(connection);
    } catch (StepFailure e) {
      return ConnectionCheck.failed(ConnectionProblem.INCOMPLETE, e.getMessage(),
          "Set 'baseDirectory' to an existing absolute directory the runtime may use.", since(started));
    }
    if (!Files.isReadable(base.realBase())) {
      return ConnectionCheck.failed(ConnectionProblem.NO_PERMISSION, "The runtime cannot read " + base.base() + ".",
          "Give the user running Millflow read access to the directory.", since(started));
    }
    if (!base.readOnly()) {
      try {
        Path probe = Files.createTempFile(base.realBase(), ".millflow-check-", ".tmp");
        Files.delete(probe);
      } catch (IOException e) {
        return ConnectionCheck.failed(ConnectionProblem.NO_PERMISSION, "The runtime cannot create files in "
            + base.base() + " (" + e.getClass().getSimpleName() + ").",
            "Give the user running Millflow write access to the directory, or set readOnly=true.", since(started));
      }
    }
    return ConnectionCheck.passed(since(started), Map.of("baseDirectory", base.base().toString(),
        "access", base.readOnly() ? "read" : "read and write"));
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
