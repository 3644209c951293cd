package io.millflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.SourceRecord.TimestampFormat;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

  private static final TimestampFormat ISO =
      new TimestampFormat("an ISO-8601 timestamp", Instant::parse);

  @Test
  void readsTextAndLeavesAbsentAndNullFieldsNull() {
    SourceRecord record = record("{\"name\":\"Acme\",\"code\":7,\"note\":null}");

    assertThat(record.text("name")).isEqualTo("Acme");
    assertThat(record.text("code")).isEqualTo("7");
    assertThat(record.text("note")).isNull();
    assertThat(record.text("absent")).isNull();
  }

  @Test
  void failsARequiredTextThatIsBlankNamingSystemRecordAndField() {
    SourceRecord record = record("{\"name\":\"  \"}");

    assertThatThrownBy(() -> record.requiredText("name"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNMAPPABLE_RECORD"))
        .hasMessage("Cannot map Acme ERP order 42: field 'name' is missing.");
  }

  @Test
  void readsTimestampsWithTheSystemsFormat() {
    SourceRecord record =
        record("{\"at\":\"2026-11-24T06:00:00Z\",\"blank\":\"\",\"bad\":\"yesterday\"}");

    assertThat(record.instant("at")).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
    assertThat(record.instant("blank")).isNull();
    assertThatThrownBy(() -> record.instant("bad"))
        .hasMessage(
            "Cannot map Acme ERP order 42: field 'bad' is not an ISO-8601 timestamp: 'yesterday'.");
    assertThatThrownBy(() -> record.requiredInstant("absent"))
        .hasMessageContaining("field 'absent' is missing");
  }

  @Test
  void readsDecimalsExactlyFromNumbersAndStrings() {
    SourceRecord record = record("{\"price\":0.1,\"qty\":\" 12.500 \",\"blank\":\"\"}");

    assertThat(record.decimal("price")).isEqualTo(new BigDecimal("0.1"));
    assertThat(record.decimal("qty")).isEqualTo(new BigDecimal("12.500"));
    assertThat(record.decimal("blank")).isNull();
  }

  @Test
  void failsADecimalThatIsNotANumber() {
    SourceRecord record = record("{\"text\":\"12,5\",\"flag\":true}");

    assertThatThrownBy(() -> record.decimal("text"))
        .hasMessageEndingWith("field 'text' is not a number: '12,5'.");
    assertThatThrownBy(() -> record.decimal("flag"))
        .hasMessageEndingWith("field 'flag' is not a number: true.");
  }

  @Test
  void readsWholeNumbersAndRejectsFractions() {
    SourceRecord record = record("{\"days\":\"14\",\"seconds\":3000000000,\"half\":2.5}");

    assertThat(record.integer("days")).isEqualTo(14);
    assertThat(record.integer("absent")).isNull();
    assertThat(record.wholeNumber("seconds")).isEqualTo(3_000_000_000L);
    assertThatThrownBy(() -> record.requiredInt("half"))
        .hasMessageEndingWith("is not a whole number: 2.5.");
    assertThatThrownBy(() -> record.wholeNumber("half"))
        .hasMessageEndingWith("is not a whole number: 2.5.");
    assertThatThrownBy(() -> record.requiredInt("absent"))
        .hasMessageEndingWith("field 'absent' is missing.");
  }

  @Test
  void keepsOnlyTheRequestedCustomFieldsThatHaveAValue() {
    SourceRecord record = record("{\"line\":\"L2\",\"badge\":null,\"tags\":[\"a\"]}");

    assertThat(record.customFields(List.of("line", "badge", "absent", "tags")))
        .isEqualTo(Map.of("line", "L2", "tags", List.of("a")));
    assertThat(record.customFields(null)).isEmpty();
  }

  @Test
  void givesTheRawRecordOnlyWhenAsked() {
    SourceRecord record = record("{\"id\":\"42\"}");

    assertThat(record.raw(new MappingOptions("erp", true, null))).isSameAs(record.json());
    assertThat(record.raw(new MappingOptions("erp", false, null))).isNull();
  }

  private static SourceRecord record(String json) {
    return new AcmeRecord(json(json));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A system's record as a connector makes one. */
  private static final class AcmeRecord extends SourceRecord {
    AcmeRecord(JsonNode json) {
      super(json, "Acme ERP", "order 42", ISO);
    }
  }
}
