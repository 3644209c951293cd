package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of one Plex JSON record for the mappers. A field that is there but cannot be read fails with
 * {@code UNMAPPABLE_RECORD} naming the record and the field, rather than turning into a silent null.
 *
 * @param what how errors name the record: {@code purchase order 5b0c...}, {@code line item 3 of purchase order 5b0c...}
 */
record PlexRecord(JsonNode json, String what) {

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

  StepFailure unmappable(String field, String problem) {
    return new StepFailure("UNMAPPABLE_RECORD", "Cannot map Plex " + what + ": field '" + field + "' " + problem + ".");
  }
}
