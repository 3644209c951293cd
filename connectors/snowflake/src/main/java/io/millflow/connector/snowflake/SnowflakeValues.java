package io.millflow.connector.snowflake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.JsonRows;
import io.millflow.step.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values as the CSV text COPY reads for a column of a given Snowflake data type: instants in the
 * stage's TIMESTAMP_FORMAT in UTC, decimals in plain digits, JSON as JSON text (parsed by the
 * COPY's PARSE_JSON), else the value's text; null for SQL NULL.
 */
final class SnowflakeValues {

  static final Set<String> JSON_TYPES = Set.of("VARIANT", "OBJECT", "ARRAY");
  private static final Set<String> TIME_TYPES =
      Set.of("TIMESTAMP_TZ", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ");

  /** Matches the stage's TIMESTAMP_FORMAT 'YYYY-MM-DD"T"HH24:MI:SS.FF9TZH:TZM'. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx");

  private SnowflakeValues() {}

  static String text(Object value, String dataType) {
    return switch (value) {
      case null -> null;
      case Instant instant -> TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
      case BigDecimal decimal -> decimal.toPlainString();
      case JsonNode node -> node(node, dataType);
      case Map<?, ?> map -> json(map);
      case List<?> list -> json(list);
      default -> value.toString();
    };
  }

  private static String node(JsonNode node, String dataType) {
    if (node.isTextual()
        && TIME_TYPES.contains(dataType)
        && JsonRows.isTimestamp(node.textValue())) {
      return text(OffsetDateTime.parse(node.textValue()).toInstant(), dataType);
    }
    return node.isMissingNode() ? null : JsonRows.text(node, JSON_TYPES.contains(dataType));
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
