package io.millflow.bench.sinks;

import io.millflow.connector.postgres.PostgresDataSources;
import io.millflow.connector.postgres.PostgresWrite;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** postgres.write upsert against a bare {@code COPY ... FROM STDIN (FORMAT csv)}, on zonky's embedded PostgreSQL. */
final class PostgresSink implements Sink {

  private final EmbeddedPostgres postgres;
  private final Path work;

  private PostgresSink(EmbeddedPostgres postgres, Path work) {
    this.postgres = postgres;
    this.work = work;
  }

  static PostgresSink start(Path work) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(work.resolve("pg-binaries").toFile())
        .setDataDirectory(work.resolve("pg-data"))
        .setCleanDataDirectory(true)
        .start();
    return new PostgresSink(postgres, work);
  }

  @Override
  public Labels labels() {
    return new Labels("PostgreSQL 18 (zonky embedded)", "postgres.write upsert", "bare COPY (CSV)", "rows");
  }

  @Override
  public Result run(DatasetRef dataset, FileDatasetStore store, String prefix) throws Exception {
    String stepSchema = prefix + "_step";
    String bareSchema = prefix + "_bare";
    sql("CREATE SCHEMA " + stepSchema, "CREATE SCHEMA " + bareSchema);
    Connection connection = new Connection("bench", "postgres", Map.of("jdbcUrl", "jdbc:postgresql://localhost:"
        + postgres.getPort() + "/postgres", "schema", stepSchema, "poolSize", "2"),
        Map.of("username", "postgres", "password", "unused-trust-auth"));
    Timed step;
    try (PostgresDataSources dataSources = new PostgresDataSources()) {
      step = BenchContext.upsert(new PostgresWrite(dataSources), connection, store, dataset).timed();
    }
    List<String> tables = Databases.tables(postgres.getPostgresDatabase(), "table_schema", stepSchema);
    List<Path> files = new ArrayList<>();
    try (java.sql.Connection jdbc = postgres.getPostgresDatabase().getConnection()) {
      CopyManager copy = jdbc.unwrap(PGConnection.class).getCopyAPI();
      for (String table : tables) {
        jdbc.createStatement().execute("CREATE TABLE " + bareSchema + "." + table + " (LIKE " + stepSchema + "."
            + table + " INCLUDING ALL)");
        Path file = work.resolve(prefix + "-" + table + ".csv");
        try (Writer out = Files.newBufferedWriter(file)) {
          copy.copyOut("COPY " + stepSchema + "." + table + " TO STDOUT (FORMAT csv)", out);
        }
        files.add(file);
      }
    }
    Timed bare = Timed.of(() -> {
      try (java.sql.Connection jdbc = postgres.getPostgresDatabase().getConnection()) {
        CopyManager copy = jdbc.unwrap(PGConnection.class).getCopyAPI();
        for (int i = 0; i < tables.size(); i++) {
          try (Reader in = Files.newBufferedReader(files.get(i))) {
            copy.copyIn("COPY " + bareSchema + "." + tables.get(i) + " FROM STDIN (FORMAT csv)", in);
          }
        }
      }
    });
    long rows = Databases.sameRowCounts(postgres.getPostgresDatabase(), stepSchema, bareSchema, tables);
    for (Path file : files) {
      Files.delete(file);
    }
    return new Result(step, bare, rows);
  }

  private void sql(String... statements) throws SQLException {
    try (java.sql.Connection jdbc = postgres.getPostgresDatabase().getConnection()) {
      for (String statement : statements) {
        jdbc.createStatement().execute(statement);
      }
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
