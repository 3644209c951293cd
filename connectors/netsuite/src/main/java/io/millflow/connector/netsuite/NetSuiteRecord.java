package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Address;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one NetSuite record (REST shape) for the mappers. A field that is there but cannot be read fails with
 * {@code UNMAPPABLE_RECORD} naming the record and the field, rather than turning into a silent null.
 *
 * @param what how errors name the record: {@code purchaseOrder 107}, {@code line 2 of purchaseOrder 107}
 */
record NetSuiteRecord(JsonNode json, String what) {

  static NetSuiteRecord of(JsonNode json, String type) {
    return new NetSuiteRecord(json, type + " " + json.path("id").asText("(no id)"));
  }

  String text(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw unmappable(field, "is missing");
    }
    return value;
  }

  /** A reference's id: {@code {"id":"12","refName":"Acme"}}. */
  String refId(String field) {
    return json.path(field).isObject() ? new NetSuiteRecord(json.get(field), what).text("id") : text(field);
  }

  /** A reference's display name, else its id; a plain text field as it is. */
  String refName(String field) {
    JsonNode value = json.get(field);
    if (value != null && value.isObject()) {
      NetSuiteRecord ref = new NetSuiteRecord(value, what);
      return ref.text("refName") != null ? ref.text("refName") : ref.text("id");
    }
    return text(field);
  }

  Boolean bool(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.isBoolean() ? value.booleanValue()
        : "T".equalsIgnoreCase(value.asText()) || "true".equalsIgnoreCase(value.asText());
  }

  /** A datetime ({@code 2024-06-01T10:00:00Z}) or a date ({@code 2024-06-01}, read as midnight UTC). */
  Instant instant(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw unmappable(field, "is not a date or datetime: '" + value + "'");
    }
  }

  Instant requiredInstant(String field) {
    requiredText(field);
    return instant(field);
  }

  /** A decimal exactly as NetSuite wrote it, a JSON number or a string; never through a double. */
  BigDecimal decimal(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw unmappable(field, "is not a number: '" + value + "'");
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

  /** {@code {"addr1","addr2","city","state","zip","country":{"id":"US"}}}, or its text form. */
  Address address(String field, String textField) {
    JsonNode value = json.get(field);
    if (value == null || !value.isObject()) {
      return Address.ofText(text(textField));
    }
    NetSuiteRecord address = new NetSuiteRecord(value, what + " " + field);
    return new Address(address.text("addressee"), address.text("addr1"), address.text("addr2"), address.text("city"),
        address.text("state"), address.text("zip"), address.refId("country"), address.text("addrText"));
  }

  /** The requested extra fields the record has; absent and null ones are left out. */
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

  StepFailure unmappable(String field, String problem) {
    return new StepFailure("UNMAPPABLE_RECORD", "Cannot map NetSuite " + what + ": field '" + field + "' " + problem
        + ".");
  }
}
