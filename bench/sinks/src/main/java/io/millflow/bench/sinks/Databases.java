package io.millflow.bench.sinks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What both SQL sinks ask their server: the tables a step created, and whether the bare load holds the same rows. */
final class Databases {

  private Databases() {}

  /** The base tables of a schema (PostgreSQL) or database (MariaDB), by name. */
  static List<String> tables(DataSource dataSource, String schemaColumn, String schema) throws SQLException {
    try (Connection jdbc = dataSource.getConnection(); PreparedStatement query = jdbc.prepareStatement(
        "SELECT table_name FROM information_schema.tables WHERE " + schemaColumn + " = ? AND table_type = 'BASE TABLE'"
            + " ORDER BY table_name")) {
      query.setString(1, schema);
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      return tables;
    }
  }

  /** The rows of all tables; fails when the bare target does not hold as many rows as the step's. */
  static long sameRowCounts(DataSource dataSource, String stepSchema, String bareSchema, List<String> tables)
      throws SQLException {
    long total = 0;
    try (Connection jdbc = dataSource.getConnection(); Statement statement = jdbc.createStatement()) {
      for (String table : tables) {
        long step = count(statement, stepSchema + "." + table);
        long bare = count(statement, bareSchema + "." + table);
        if (step != bare) {
          throw new IllegalStateException(table + ": the step stored " + step + " rows, the bare load " + bare);
        }
        total += step;
      }
    }
    return total;
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
