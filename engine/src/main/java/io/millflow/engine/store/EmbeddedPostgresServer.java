package io.millflow.engine.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky binaries, its data kept under the data directory so it survives restarts.
 * Databases are created on demand: {@code millflow} for the state store, {@code warehouse} for the example sink.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    try {
      Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
      Path runtime = Files.createDirectories(dataDir.resolve("postgres-runtime"));
      return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(runtime.toFile())
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start with data in " + dataDir, e);
    }
  }

  /** JDBC URL of the named database, created when absent. */
  public String jdbcUrl(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    createDatabaseIfAbsent(database);
    return postgres.getJdbcUrl("postgres", database);
  }

  public int port() {
    return postgres.getPort();
  }

  private void createDatabaseIfAbsent(String database) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + database); // name checked against DATABASE_NAME above
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database + " in embedded PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
