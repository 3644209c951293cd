package io.millflow.connector.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one column of the current row as the value a dataset record carries: whole numbers as long,
 * other numbers as BigDecimal (never double, so 0.1 stays 0.1), timestamps as {@link
 * java.time.Instant} (a timestamp without zone is taken as UTC, the zone the MySQL sessions and our
 * writers use), dates as ISO text, booleans, JSON columns as nested JSON, arrays as lists, anything
 * else as its text.
 */
final class ColumnValues {

  private final ResultSetMetaData metaData;
  private final QueryDialect dialect;

  ColumnValues(ResultSetMetaData metaData, QueryDialect dialect) {
    this.metaData = metaData;
    this.dialect = dialect;
  }

  Object read(ResultSet rows, int column) throws SQLException {
    if (dialect.isJson(metaData, column)) {
      String text = rows.getString(column);
      return text == null ? null : parseJson(text);
    }
    Object value =
        switch (metaData.getColumnType(column)) {
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
              wholeNumber(rows.getObject(column));
          case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE ->
              decimal(rows, column);
          case Types.BOOLEAN, Types.BIT -> bit(rows, column);
          case Types.TIMESTAMP_WITH_TIMEZONE ->
              instant(rows.getObject(column, OffsetDateTime.class));
          case Types.TIMESTAMP -> timestamp(rows, column);
          case Types.DATE -> text(rows.getObject(column, LocalDate.class));
          case Types.ARRAY -> array(rows.getArray(column));
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
              rows.getBytes(column);
          default -> rows.getString(column);
        };
    return rows.wasNull() ? null : value;
  }

  /** BIGINT UNSIGNED may exceed a long; the driver then gives a BigInteger. */
  private static Object wholeNumber(Object value) {
    return switch (value) {
      case null -> null;
      case BigInteger big -> new BigDecimal(big);
      case Number number -> number.longValue();
      default -> value.toString();
    };
  }

  private static Object decimal(ResultSet rows, int column) throws SQLException {
    try {
      return rows.getBigDecimal(column);
    } catch (SQLException e) {
      // NaN and Infinity of float columns have no decimal form; keep them as the database writes
      // them.
      return rows.getString(column);
    }
  }

  /** A BIT(1) or BOOLEAN is a boolean; a wider BIT is a bit string, kept as its number. */
  private Object bit(ResultSet rows, int column) throws SQLException {
    if (metaData.getColumnType(column) == Types.BIT && metaData.getPrecision(column) > 1) {
      return wholeNumber(rows.getLong(column));
    }
    return rows.getBoolean(column);
  }

  /** PostgreSQL reports timestamptz as TIMESTAMP; its type name tells the two apart. */
  private Object timestamp(ResultSet rows, int column) throws SQLException {
    if (metaData.getColumnTypeName(column).toLowerCase(Locale.ROOT).contains("tz")) {
      return instant(rows.getObject(column, OffsetDateTime.class));
    }
    LocalDateTime local = rows.getObject(column, LocalDateTime.class);
    return local == null ? null : local.toInstant(ZoneOffset.UTC);
  }

  private static Object instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static Object text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Object array(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object elements = array.getArray();
    List<Object> list = new ArrayList<>(Arrays.asList((Object[]) elements));
    array.free();
    return list;
  }

  private static Object parseJson(String text) throws SQLException {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("A JSON column holds text that is not JSON", "22032", e);
    }
  }
}
