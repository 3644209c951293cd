package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one Plex JSON record for the mappers. A field that is there but cannot be read fails with
 * {@code UNMAPPABLE_RECORD} naming the record and the field, rather than turning into a silent null.
 *
 * @param what how errors name the record: {@code purchase order 5b0c...}, {@code line item 3 of purchase order 5b0c...}
 */
record PlexRecord(JsonNode json, String what) {

  /** A record named by its kind and id, {@code supplier 5b0c...}; its id is required. */
  static PlexRecord identified(JsonNode json, String kind, String idField) {
    String id = json.path(idField).asText(null);
    PlexRecord record = new PlexRecord(json, id == null ? kind + " without " + idField : kind + " " + id);
    record.requiredText(idField);
    return record;
  }

  String text(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw unmappable(field, "is missing");
    }
    return value;
  }

  Instant instant(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return PlexTimestamps.parseLenient(value);
    } catch (DateTimeParseException e) {
      throw unmappable(field, "is not a timestamp: '" + value + "'");
    }
  }

  Instant requiredInstant(String field) {
    requiredText(field);
    return instant(field);
  }

  /** A decimal exactly as Plex wrote it, whether a JSON number or a string; never through a double. */
  BigDecimal decimal(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    if (!value.isNumber() && !value.isTextual()) {
      throw unmappable(field, "is not a number: " + value);
    }
    try {
      BigDecimal decimal = new BigDecimal(value.asText().strip());
      return decimal.scale() < 0 ? decimal.setScale(0) : decimal; // 1E+2 (a stripped 100.00) reads as 100
    } catch (NumberFormatException e) {
      throw unmappable(field, "is not a number: '" + value.asText() + "'");
    }
  }

  int requiredInt(String field) {
    BigDecimal value = decimal(field);
    if (value == null) {
      throw unmappable(field, "is missing");
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw unmappable(field, "is not a whole number: " + value.toPlainString());
    }
  }

  /** A whole number such as {@code leadTimeDays}; null when absent. */
  Integer integer(String field) {
    return decimal(field) == null ? null : requiredInt(field);
  }

  Boolean bool(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean() || value.isTextual() && value.asText().matches("(?i)true|false")) {
      return value.asBoolean();
    }
    throw unmappable(field, "is not true or false: " + value);
  }

  /** The requested extra fields the record has, for a unified {@code customFields}; absent and null ones left out. */
  Map<String, Object> customFields(List<String> names) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : names == null ? List.<String>of() : names) {
      JsonNode value = json.get(name);
      if (value != null && !value.isNull()) {
        fields.put(name, Json.mapper().convertValue(value, Object.class));
      }
    }
    return fields;
  }

  /** The raw record when the run asks for it. */
  JsonNode raw(MappingOptions options) {
    return options.includeRaw() ? json : null;
  }

  /** Where the record came from, for a unified record's {@code source}. */
  static SourceRef source(MappingOptions options, String id, Instant updatedAt) {
    return new SourceRef("plex", options.connection(), id, updatedAt);
  }

  StepFailure unmappable(String field, String problem) {
    return new StepFailure("UNMAPPABLE_RECORD", "Cannot map Plex " + what + ": field '" + field + "' " + problem + ".");
  }
}
