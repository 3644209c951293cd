package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reads only Plex has; the shared ones are tested with {@code SourceRecord}. */
class PlexRecordTest {

  @Test
  void readsAStrippedExponentAsAWholeNumber() {
    PlexRecord record = record("{\"qty\":\"1E+2\",\"price\":1.50}");

    assertThat(record.decimal("qty")).isEqualTo(new BigDecimal("100"));
    assertThat(record.decimal("price")).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void readsFlagsSentAsTrueOrFalseStrings() {
    PlexRecord record = record("{\"a\":\"true\",\"b\":false,\"c\":\"yes\"}");

    assertThat(record.bool("a")).isTrue();
    assertThat(record.bool("b")).isFalse();
    assertThatThrownBy(() -> record.bool("c"))
        .hasMessage("Cannot map Plex part P-1: field 'c' is not true or false: \"yes\".");
  }

  @Test
  void readsAFlagStringInAnyCase() {
    PlexRecord record = record("{\"a\":\"TRUE\",\"b\":\"False\"}");

    assertThat(record.bool("a")).isTrue();
    assertThat(record.bool("b")).isFalse();
  }

  @Test
  void readsADateWithoutTimeAsMidnightUtc() {
    PlexRecord record = record("{\"poDate\":\"2026-03-01\",\"bad\":\"soon\"}");

    assertThat(record.instant("poDate")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThatThrownBy(() -> record.instant("bad"))
        .hasMessage("Cannot map Plex part P-1: field 'bad' is not a timestamp: 'soon'.");
  }

  @Test
  void requiresTheIdOfAnIdentifiedRecord() {
    assertThatThrownBy(() -> PlexRecord.identified(json("{\"name\":\"x\"}"), "supplier", "id"))
        .hasMessage("Cannot map Plex supplier without id: field 'id' is missing.");
  }

  private static PlexRecord record(String text) {
    return new PlexRecord(json(text), "part P-1");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
