package io.millflow.engine.flowtest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.millflow.step.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jdbi.v3.core.Jdbi;

/**
 * What a sink connection holds in one table, collection or file, read the way a person would check
 * it: PostgreSQL and MySQL tables, MongoDB collections, CSV files of a {@code file} connection.
 */
final class SinkContents {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]+");

  private SinkContents() {}

  /** Drops the table or collection, or deletes the file, so that the case starts from nothing. */
  static void empty(Connection connection, String table) {
    checkName(table);
    switch (connection.type()) {
      case "postgres" ->
          jdbi(connection).useHandle(h -> h.execute("drop table if exists " + table));
      case "mysql" ->
          jdbi(connection).useHandle(h -> h.execute("drop table if exists `" + table + "`"));
      case "mongodb" -> {
        try (MongoClient client = mongo(connection)) {
          client.getDatabase(connection.setting("database")).getCollection(table).drop();
        }
      }
      case "file" -> {
        try {
          Files.deleteIfExists(file(connection, table));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      default -> throw unsupported(connection);
    }
  }

  /** Every row (document, CSV line) as column name to value; nothing when there is no table. */
  static List<Map<String, Object>> rows(Connection connection, String table) {
    checkName(table);
    return switch (connection.type()) {
      case "postgres" -> sqlRows(connection, "select * from " + table, table);
      case "mysql" -> sqlRows(connection, "select * from `" + table + "`", table);
      case "mongodb" -> mongoRows(connection, table);
      case "file" -> csvRows(file(connection, table));
      default -> throw unsupported(connection);
    };
  }

  private static List<Map<String, Object>> sqlRows(
      Connection connection, String query, String table) {
    try {
      return jdbi(connection)
          .withHandle(
              h -> {
                boolean exists =
                    h.getConnection().getMetaData().getTables(null, null, table, null).next();
                return exists ? h.createQuery(query).mapToMap().list() : List.of();
              });
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("The table " + table + " cannot be read", e);
    }
  }

  private static List<Map<String, Object>> mongoRows(Connection connection, String collection) {
    try (MongoClient client = mongo(connection)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Document document :
          client.getDatabase(connection.setting("database")).getCollection(collection).find()) {
        rows.add(new LinkedHashMap<>(document));
      }
      return rows;
    }
  }

  private static List<Map<String, Object>> csvRows(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (MappingIterator<Map<String, Object>> lines =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return lines.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Jdbi jdbi(Connection connection) {
    return Jdbi.create(
        connection.setting("jdbcUrl"),
        connection.credential("username"),
        connection.optionalCredential("password").orElse(""));
  }

  private static MongoClient mongo(Connection connection) {
    return MongoClients.create(
        "mongodb://" + connection.setting("host") + ":" + connection.setting("port"));
  }

  private static Path file(Connection connection, String path) {
    Path base = Path.of(connection.setting("baseDirectory")).normalize();
    Path file = base.resolve(path).normalize();
    if (!file.startsWith(base)) {
      throw new FlowTestFormatException("table '" + path + "' leaves the file connection's folder");
    }
    return file;
  }

  private static void checkName(String table) {
    if (!NAME.matcher(table).matches()) {
      throw new FlowTestFormatException(
          "table '" + table + "' may hold only letters, digits, '_', '.', '/' and '-'");
    }
  }

  private static FlowTestFormatException unsupported(Connection connection) {
    return new FlowTestFormatException(
        "connection '"
            + connection.name()
            + "' is of type "
            + connection.type()
            + "; flow tests read postgres, mysql, mongodb and file sinks");
  }
}
