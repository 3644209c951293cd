package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Address;
import io.millflow.model.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Typed reads of one NetSuite record (REST shape) for the mappers: the shared reads, with
 * NetSuite's dates and datetimes, plus its references, addresses and {@code T}/{@code F} flags.
 */
final class NetSuiteRecord extends SourceRecord {

  /**
   * A datetime ({@code 2024-06-01T10:00:00Z}) or a date ({@code 2024-06-01}, read as midnight UTC).
   */
  private static final TimestampFormat TIMESTAMPS =
      new TimestampFormat(
          "a date or datetime",
          value ->
              value.length() == 10
                  ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                  : Instant.parse(value));

  /**
   * @param what how errors name the record: {@code purchaseOrder 107}, {@code line 2 of
   *     purchaseOrder 107}
   */
  NetSuiteRecord(JsonNode json, String what) {
    super(json, "NetSuite", what, TIMESTAMPS);
  }

  static NetSuiteRecord of(JsonNode json, String type) {
    return new NetSuiteRecord(json, type + " " + json.path("id").asText("(no id)"));
  }

  /** As the shared read, but a reference or sublist (an object or array) is no text. */
  @Override
  public String text(String field) {
    return json().path(field).isContainerNode() ? null : super.text(field);
  }

  /** A decimal exactly as NetSuite wrote it, read from its text; never through a double. */
  @Override
  public BigDecimal decimal(String field) {
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

  /** A reference's id: {@code {"id":"12","refName":"Acme"}}. */
  String refId(String field) {
    return json().path(field).isObject()
        ? new NetSuiteRecord(json().get(field), what()).text("id")
        : text(field);
  }

  /** A reference's display name, else its id; a plain text field as it is. */
  String refName(String field) {
    JsonNode value = json().get(field);
    if (value != null && value.isObject()) {
      NetSuiteRecord ref = new NetSuiteRecord(value, what());
      return ref.text("refName") != null ? ref.text("refName") : ref.text("id");
    }
    return text(field);
  }

  Boolean bool(String field) {
    JsonNode value = json().get(field);
    return value == null || value.isNull()
        ? null
        : value.isBoolean()
            ? value.booleanValue()
            : "T".equalsIgnoreCase(value.asText()) || "true".equalsIgnoreCase(value.asText());
  }

  /** {@code {"addr1","addr2","city","state","zip","country":{"id":"US"}}}, or its text form. */
  Address address(String field, String textField) {
    JsonNode value = json().get(field);
    if (value == null || !value.isObject()) {
      return Address.ofText(text(textField));
    }
    NetSuiteRecord address = new NetSuiteRecord(value, what() + " " + field);
    return new Address(
        address.text("addressee"),
        address.text("addr1"),
        address.text("addr2"),
        address.text("city"),
        address.text("state"),
        address.text("zip"),
        address.refId("country"),
        address.text("addrText"));
  }
}
