package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of one source system's JSON record, for a connector's mappers. A field that is there
 * but cannot be read fails with {@code UNMAPPABLE_RECORD} naming the system, the record and the
 * field, rather than turning into a silent null. A connector extends it with the reads only its
 * system has and gives it how the system writes timestamps.
 */
public class SourceRecord {

  /**
   * How a system writes timestamps.
   *
   * @param description how errors name the format: {@code an ISO-8601 timestamp}
   * @param parser reads one; throws {@link DateTimeParseException} when the text is not one
   */
  public record TimestampFormat(String description, Function<String, Instant> parser) {}

  private final JsonNode json;
  private final String system;
  private final String what;
  private final TimestampFormat timestamps;

  /**
   * @param system how errors name the system: {@code Plex}
   * @param what how errors name the record: {@code purchase order 5b0c...}
   */
  protected SourceRecord(JsonNode json, String system, String what, TimestampFormat timestamps) {
    this.json = json;
    this.system = system;
    this.what = what;
    this.timestamps = timestamps;
  }

  public JsonNode json() {
    return json;
  }

  public String what() {
    return what;
  }

  public String text(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  public String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw unmappable(field, "is missing");
    }
    return value;
  }

  public Instant instant(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return timestamps.parser().apply(value);
    } catch (DateTimeParseException e) {
      throw unmappable(field, "is not " + timestamps.description() + ": '" + value + "'");
    }
  }

  public Instant requiredInstant(String field) {
    requiredText(field);
    return instant(field);
  }

  /**
   * A decimal exactly as the system wrote it, whether a JSON number or a string; never through a
   * double.
   */
  public BigDecimal decimal(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    if (!value.isNumber() && !value.isTextual()) {
      throw unmappable(field, "is not a number: " + value);
    }
    try {
      return new BigDecimal(value.asText().strip());
    } catch (NumberFormatException e) {
      throw unmappable(field, notANumber(value));
    }
  }

  /**
   * How an error says that a JSON number or string is not a number: {@code is not a number:
   * '12,5'}.
   */
  protected String notANumber(JsonNode value) {
    return "is not a number: '" + value.asText() + "'";
  }

  public int requiredInt(String field) {
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
  public Integer integer(String field) {
    return decimal(field) == null ? null : requiredInt(field);
  }

  /** A whole number that may not fit an int, such as a count of seconds; null when absent. */
  public Long wholeNumber(String field) {
    BigDecimal value = decimal(field);
    try {
      return value == null ? null : value.longValueExact();
    } catch (ArithmeticException e) {
      throw unmappable(field, "is not a whole number: " + value.toPlainString());
    }
  }

  /**
   * The requested extra fields the record has, for a unified {@code customFields}; absent and null
   * ones left out.
   */
  public Map<String, Object> customFields(List<String> names) {
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
  public JsonNode raw(MappingOptions options) {
    return options.includeRaw() ? json : null;
  }

  public StepFailure unmappable(String field, String problem) {
    return new StepFailure(
        "UNMAPPABLE_RECORD",
        "Cannot map " + system + " " + what + ": field '" + field + "' " + problem + ".",
        new UnmappableField(system + " " + what, field, problem));
  }
}
