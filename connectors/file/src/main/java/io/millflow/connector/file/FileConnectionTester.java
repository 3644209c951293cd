package io.millflow.connector.file;

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
import java.util.Optional;

/**
 * Checks a {@code file} connection: the base directory exists and is a directory, and, unless the
 * connection is read-only, that a file can be created and removed in it (the way file.write will
 * write: a temporary file).
 */
@Singleton
public final class FileConnectionTester implements ConnectionTester<FileConnection> {

  private final FileRoots roots;

  public FileConnectionTester(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public Class<FileConnection> connectionType() {
    return FileConnection.class;
  }

  /**
   * A base directory outside the tenant's roots is not saved; the message names the field and the
   * roots.
   */
  @Override
  public Optional<String> refusal(String tenantId, FileConnection connection) {
    return BaseDirectory.outsideRoots(connection.baseDirectory(), roots.of(tenantId))
        .map(
            problem ->
                "Field 'settings.baseDirectory': "
                    + problem.replaceFirst("^'baseDirectory' ", "")
                    + ".");
  }

  /**
   * Without a tenant there are no roots to check against: the check is refused rather than run
   * unconfined.
   */
  @Override
  public ConnectionCheck check(String name, FileConnection connection) {
    return ConnectionCheck.failed(
        ConnectionProblem.INCOMPLETE,
        "A file connection is checked for a tenant.",
        "Test it through the API (POST /api/connections/{name}/test).",
        Duration.ZERO);
  }

  @Override
  public ConnectionCheck check(String tenantId, String name, FileConnection connection) {
    long started = System.nanoTime();
    BaseDirectory base;
    try {
      base = BaseDirectory.of(name, connection, roots.of(tenantId));
    } catch (StepFailure e) {
      return ConnectionCheck.failed(
          ConnectionProblem.INCOMPLETE,
          e.getMessage(),
          "Set 'baseDirectory' to an existing directory inside "
              + roots.of(tenantId).getFirst()
              + " (a relative one resolves there).",
          since(started));
    }
    if (!Files.isReadable(base.realBase())) {
      return ConnectionCheck.failed(
          ConnectionProblem.NO_PERMISSION,
          "The runtime cannot read " + base.base() + ".",
          "Give the user running Millflow read access to the directory.",
          since(started));
    }
    if (!base.readOnly()) {
      try {
        Path probe = Files.createTempFile(base.realBase(), ".millflow-check-", ".tmp");
        Files.delete(probe);
      } catch (IOException e) {
        return ConnectionCheck.failed(
            ConnectionProblem.NO_PERMISSION,
            "The runtime cannot create files in "
                + base.base()
                + " ("
                + e.getClass().getSimpleName()
                + ").",
            "Give the user running Millflow write access to the directory, or set readOnly=true.",
            since(started));
      }
    }
    return ConnectionCheck.passed(
        since(started),
        Map.of(
            "baseDirectory",
            base.base().toString(),
            "access",
            base.readOnly() ? "read" : "read and write"));
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
