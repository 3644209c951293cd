package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.Column;
import io.millflow.step.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} in CSV format, the fastest way to load
 * many rows. Every non-null value is quoted (quotes doubled), so commas, quotes, newlines and a
 * lone {@code \.} are plain data; null is the unquoted empty field, which COPY's CSV format reads
 * as NULL.
 */
final class CsvCopy implements AutoCloseable {

  /**
   * Rows are built as text and sent as UTF-8 once this much has gathered: small enough never to be
   * a humongous object in G1 (half a region of a 1 GB heap), even as UTF-16.
   */
  private static final int BUFFER = 1 << 16;

  private final CopyIn copyIn;
  private final StringBuilder out = new StringBuilder(BUFFER + (BUFFER >> 3));

  private CsvCopy(CopyIn copyIn) {
    this.copyIn = copyIn;
  }

  /** Starts a COPY into {@code table} (already quoted) of the named columns. */
  static CsvCopy open(Handle handle, String table, List<String> columns) throws SQLException {
    String sql =
        PostgresSql.render("copy-csv", Map.of("table", table, "columns", POSTGRES.list(columns)));
    return new CsvCopy(handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
  }

  /** COPYs the records' values of {@code columns} into {@code table}. */
  static <T> void load(Handle handle, String table, List<Column<T>> columns, Collection<T> records)
      throws SQLException {
    try (CsvCopy copy = open(handle, table, Column.names(columns))) {
      int count = columns.size();
      for (T record : records) {
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            copy.out.append(',');
          }
          copy.field(text(columns.get(i).valueOf(record)));
        }
        copy.endRow();
      }
      copy.finish();
    }
  }

  void row(List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      field(text(values.get(i)));
    }
    endRow();
  }

  /** One field: null unquoted (NULL), any text quoted with its quotes doubled. */
  private void field(String text) {
    if (text == null) {
      return;
    }
    out.append('"');
    if (text.indexOf('"') < 0) {
      out.append(text);
    } else {
      out.append(text.replace("\"", "\"\""));
    }
    out.append('"');
  }

  private void endRow() throws SQLException {
    out.append('\n');
    if (out.length() >= BUFFER) {
      send();
    }
  }

  private void send() throws SQLException {
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    copyIn.writeToCopy(bytes, 0, bytes.length);
    out.setLength(0);
  }

  /** Ends the COPY; the server checks and stores the rows now, so data errors surface here. */
  long finish() throws SQLException {
    if (!out.isEmpty()) {
      send();
    }
    return copyIn.endCopy();
  }

  /** Abandons an unfinished COPY, so the connection can be rolled back and returned to the pool. */
  @Override
  public void close() throws SQLException {
    if (copyIn.isActive()) {
      copyIn.cancelCopy();
    }
  }

  /** The text COPY reads for a value, or null for SQL NULL. */
  static String text(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case BigDecimal decimal -> decimal.toPlainString();
      case JsonNode node -> node.isNull() || node.isMissingNode() ? null : node.toString();
      case Map<?, ?> map -> map.isEmpty() ? "{}" : json(map);
      case List<?> list -> json(list);
      default -> value.toString();
    };
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
