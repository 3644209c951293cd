package io.millflow.connector.idhammar;

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
 * Typed reads of one Idhammar JSON record for the mappers. A field that is there but cannot be read fails with
 * {@code UNMAPPABLE_RECORD} naming the record and the field, rather than turning into a silent null.
 *
 * @param what how errors name the record: {@code downtime event DT-000000042}
 */
record IdhammarRecord(JsonNode json, String what) {

  static IdhammarRecord of(JsonNode json, String kind, String idField) {
    return new IdhammarRecord(json, kind + " " + json.path(idField).asText("(no " + idField + ")"));
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
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw unmappable(field, "is not an ISO-8601 timestamp: '" + value + "'");
    }
  }

  Instant requiredInstant(String field) {
    requiredText(field);
    return instant(field);
  }

  /** A decimal exactly as sent, whether a JSON number or a string; never through a double. */
  BigDecimal decimal(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    try {
      if (value.isNumber() || value.isTextual()) {
        return new BigDecimal(value.asText().strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw unmappable(field, "is not a number: " + value);
  }

  Long wholeNumber(String field) {
    BigDecimal value = decimal(field);
    try {
      return value == null ? null : value.longValueExact();
    } catch (ArithmeticException e) {
      throw unmappable(field, "is not a whole number: " + value.toPlainString());
    }
  }

  Boolean bool(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw unmappable(field, "is not true or false: " + value);
    }
    return value.asBoolean();
  }

  SourceRef source(MappingOptions options, String sourceId, Instant updatedAt) {
    return new SourceRef(IdhammarSteps.SYSTEM, options.connection(), sourceId, updatedAt);
  }

  /** The requested extra fields the record has; absent and null ones are left out. */
  Map<String, Object> customFields(MappingOptions options) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : options.customFields() == null ? List.<String>of() : options.customFields()) {
      JsonNode value = json.get(name);
      if (value != null && !value.isNull()) {
        fields.put(name, Json.mapper().convertValue(value, Object.class));
      }
    }
    return fields;
  }

  JsonNode raw(MappingOptions options) {
    return options.includeRaw() ? json : null;
  }

  StepFailure unmappable(String field, String problem) {
    return new StepFailure("UNMAPPABLE_RECORD", "Cannot map Idhammar " + what + ": field '" + field + "' " + problem
        + ".");
  }
}
