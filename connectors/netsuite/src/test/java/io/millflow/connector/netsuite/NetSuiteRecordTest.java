package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reads only NetSuite has; the shared ones are tested with {@code SourceRecord}. */
class NetSuiteRecordTest {

  @Test
  void readsAReferenceOrASublistAsNoText() {
    NetSuiteRecord record =
        record("{\"entity\":{\"id\":\"12\",\"refName\":\"Acme\"},\"links\":[],\"memo\":\"x\"}");

    assertThat(record.text("entity")).isNull();
    assertThat(record.text("links")).isNull();
    assertThat(record.decimal("entity")).isNull();
    assertThat(record.refId("entity")).isEqualTo("12");
    assertThat(record.refName("entity")).isEqualTo("Acme");
    assertThat(record.refName("memo")).isEqualTo("x");
    assertThatThrownBy(() -> record.requiredText("entity"))
        .hasMessage("Cannot map NetSuite purchaseOrder 107: field 'entity' is missing.");
  }

  @Test
  void readsTAndFFlags() {
    NetSuiteRecord record = record("{\"a\":\"T\",\"b\":\"F\",\"c\":true}");

    assertThat(record.bool("a")).isTrue();
    assertThat(record.bool("b")).isFalse();
    assertThat(record.bool("c")).isTrue();
  }

  @Test
  void readsADateAsMidnightUtcAndADatetimeAsItIs() {
    NetSuiteRecord record =
        record("{\"tranDate\":\"2024-06-01\",\"at\":\"2024-06-01T10:00:00Z\",\"bad\":\"x\"}");

    assertThat(record.instant("tranDate")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(record.instant("at")).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
    assertThatThrownBy(() -> record.instant("bad"))
        .hasMessage(
            "Cannot map NetSuite purchaseOrder 107: field 'bad' is not a date or datetime: 'x'.");
  }

  @Test
  void readsANumberFromItsText() {
    NetSuiteRecord record = record("{\"rate\":\"12.50\",\"flag\":true}");

    assertThat(record.decimal("rate")).isEqualByComparingTo("12.50");
    assertThatThrownBy(() -> record.decimal("flag"))
        .hasMessage("Cannot map NetSuite purchaseOrder 107: field 'flag' is not a number: 'true'.");
  }

  private static NetSuiteRecord record(String text) {
    return NetSuiteRecord.of(json(text.replaceFirst("\\{", "{\"id\":\"107\",")), "purchaseOrder");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
