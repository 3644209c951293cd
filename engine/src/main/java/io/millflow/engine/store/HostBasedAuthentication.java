package io.millflow.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf} as Millflow writes it before every start: logins with a
 * password (SCRAM-SHA-256) over loopback TCP, nothing else (no trust, no Unix socket, no
 * replication).
 */
final class HostBasedAuthentication {

  private static final String FILE = "pg_hba.conf";
  private static final String FIRST_LINE =
      "# Written by Millflow at every start: password (SCRAM-SHA-256) logins over"
          + " loopback only.";
  private static final String CONTENT =
      FIRST_LINE
          + "\n"
          + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
          + "host    all       all   127.0.0.1/32  scram-sha-256\n"
          + "host    all       all   ::1/128       scram-sha-256\n";

  private HostBasedAuthentication() {}

  /**
   * Whether the data directory's logins are Millflow's, which means its superuser already has a
   * password.
   */
  static boolean isWritten(Path pgData) {
    Path file = pgData.resolve(FILE);
    try {
      return Files.exists(file)
          && Files.readString(file, StandardCharsets.UTF_8).startsWith(FIRST_LINE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static void write(Path pgData) {
    Path file = pgData.resolve(FILE);
    try {
      Files.writeString(file, CONTENT, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PasswordFile.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
