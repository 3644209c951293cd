package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reads only Idhammar has; the shared ones are tested with {@code SourceRecord}. */
class IdhammarRecordTest {

  @Test
  void acceptsOnlyJsonBooleansAsFlags() {
    IdhammarRecord record = record("{\"planned\":true,\"text\":\"true\"}");

    assertThat(record.bool("planned")).isTrue();
    assertThatThrownBy(() -> record.bool("text"))
        .hasMessage(
            "Cannot map Idhammar downtime event DT-7: field 'text' is not true or false: \"true\".");
  }

  @Test
  void showsANumberThatIsNotOneAsJson() {
    IdhammarRecord record = record("{\"seconds\":\"12,5\"}");

    assertThatThrownBy(() -> record.decimal("seconds"))
        .hasMessage(
            "Cannot map Idhammar downtime event DT-7: field 'seconds' is not a number: \"12,5\".");
  }

  @Test
  void requiresFullIsoTimestamps() {
    IdhammarRecord record =
        record("{\"startedAt\":\"2026-03-01T06:00:00Z\",\"day\":\"2026-03-01\"}");

    assertThat(record.instant("startedAt")).isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
    assertThatThrownBy(() -> record.instant("day"))
        .hasMessage(
            "Cannot map Idhammar downtime event DT-7: field 'day' is not an ISO-8601 timestamp: '2026-03-01'.");
  }

  @Test
  void namesARecordWithoutItsIdField() {
    assertThat(IdhammarRecord.of(json("{}"), "machine", "id").what()).isEqualTo("machine (no id)");
  }

  private static IdhammarRecord record(String text) {
    return IdhammarRecord.of(
        json(text.replaceFirst("\\{", "{\"id\":\"DT-7\",")), "downtime event", "id");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
