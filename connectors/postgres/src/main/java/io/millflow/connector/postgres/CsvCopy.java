package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.Column;
import io.millflow.step.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} in CSV format, the fastest way to load many rows. Every
 * non-null value is quoted (quotes doubled), so commas, quotes, newlines and a lone {@code \.} are plain data; null is
 * the unquoted empty field, which COPY's CSV format reads as NULL.
 */
final class CsvCopy implements AutoCloseable {

  private static final int BUFFER = 1 << 18;

  private final CopyIn copyIn;
  private final Writer out;

  private CsvCopy(CopyIn copyIn) {
    this.copyIn = copyIn;
    this.out = new BufferedWriter(
        new OutputStreamWriter(new PGCopyOutputStream(copyIn, BUFFER), StandardCharsets.UTF_8), BUFFER);
  }

  /** Starts a COPY into {@code table} (already quoted) of the named columns. */
  static CsvCopy open(Handle handle, String table, List<String> columns) throws SQLException {
    String sql = PostgresSql.render("copy-csv", Map.of("table", table, "columns", POSTGRES.list(columns)));
    return new CsvCopy(handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
  }

  /** COPYs the records' values of {@code columns} into {@code table}. */
  static <T> void load(Handle handle, String table, List<Column<T>> columns, Collection<T> records)
      throws SQLException {
    try (CsvCopy copy = open(handle, table, Column.names(columns))) {
      int count = columns.size();
      try {
        for (T record : records) {
          for (int i = 0; i < count; i++) {
            if (i > 0) {
              copy.out.write(',');
            }
            copy.field(text(columns.get(i).valueOf(record)));
          }
          copy.out.write('\n');
        }
      } catch (IOException e) {
        throw copyFailed(e);
      }
      copy.finish();
    }
  }

  void row(List<?> values) throws SQLException {
    try {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        field(text(values.get(i)));
      }
      out.write('\n');
    } catch (IOException e) {
      throw copyFailed(e);
    }
  }

  /** One field: null unquoted (NULL), any text quoted with its quotes doubled. */
  private void field(String text) throws IOException {
    if (text == null) {
      return;
    }
    out.write('"');
    if (text.indexOf('"') < 0) {
      out.write(text);
    } else {
      out.write(text.replace("\"", "\"\""));
    }
    out.write('"');
  }

  /** Ends the COPY; the server checks and stores the rows now, so data errors surface here. */
  long finish() throws SQLException {
    try {
      out.close();
      return copyIn.getHandledRowCount();
    } catch (IOException e) {
      throw copyFailed(e);
    }
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
      case Map<?, ?> map -> json(map);
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

  /** The stream wraps the driver's SQLException; unwrap it so it is classified like any other database error. */
  private static SQLException copyFailed(IOException e) {
    return e.getCause() instanceof SQLException sql ? sql
        : new SQLException("The COPY stream to PostgreSQL broke: " + e.getMessage(), "08006", e);
  }
}
