package io.millflow.connector.mysql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.JsonRows;
import io.millflow.step.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Values as the driver binds them: instants as UTC DATETIME, JSON as text, decimals exact. */
final class MySqlValues {

  private static final Set<String> TIME_TYPES = Set.of("datetime", "timestamp");
  private static final Set<String> JSON_TYPES = Set.of("json");

  private MySqlValues() {}

  /** A model value (from the purchase-order layout) as a bind value. */
  static Object of(Object value) {
    return switch (value) {
      case null -> null;
      // DATETIME has no zone: store the instant's UTC wall time; the session runs in UTC too.
      case Instant instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      case JsonNode node -> node.isNull() || node.isMissingNode() ? null : node.toString();
      case Map<?, ?> map -> json(map);
      case List<?> list -> json(list);
      default -> value;
    };
  }

  /**
   * A generic record's field as a bind value for a column of the given MySQL data type (the
   * table's, which may predate Millflow): ISO-8601 instants become UTC DATETIME values, numbers
   * exact decimals, objects and arrays JSON.
   */
  static Object ofField(JsonNode value, String dataType) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()
        && TIME_TYPES.contains(dataType)
        && JsonRows.isTimestamp(value.textValue())) {
      return LocalDateTime.ofInstant(
          OffsetDateTime.parse(value.textValue()).toInstant(), ZoneOffset.UTC);
    }
    return JsonRows.text(value, JSON_TYPES.contains(dataType));
  }

  static void bind(PreparedStatement statement, int firstIndex, List<?> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof BigDecimal decimal) {
        statement.setBigDecimal(firstIndex + i, decimal);
      } else {
        statement.setObject(firstIndex + i, value);
      }
    }
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
