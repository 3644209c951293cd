package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.Asset;
import io.millflow.model.DowntimeEvent;
import io.millflow.model.ProductionRecord;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four mappers on small fixtures: each field where the tables in the README say it goes. */
class IdhammarMappersTest {

  private static final MappingOptions OPTIONS = new MappingOptions("oee", false, List.of());

  static JsonNode fixture(String name) {
    try (InputStream in =
        IdhammarMappersTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void mapsAMachineToAnAssetUnderItsLineAndSite() {
    Asset asset = new IdhammarMachineMapper().map(fixture("idhammar-machine"), OPTIONS);

    assertThat(asset.key()).isEqualTo("M-1102");
    assertThat(asset.name()).isEqualTo("Capper 1102");
    assertThat(asset.category()).isEqualTo("machine");
    assertThat(asset.level()).isEqualTo("WorkUnit");
    assertThat(asset.parentKey()).isEqualTo("L11");
    assertThat(asset.siteKey()).isEqualTo("SE-GBG");
    assertThat(asset.idealRatePerHour()).isEqualByComparingTo("1800");
    assertThat(asset.active()).isTrue();
    assertThat(asset.status()).isEqualTo("active");
    assertThat(asset.source().sourceUpdatedAt()).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
  }

  @Test
  void mapsAClosedDowntimeEventWithItsReasonAndDuration() {
    DowntimeEvent event =
        new IdhammarDowntimeEventMapper().map(fixture("idhammar-downtime-event"), OPTIONS);

    assertThat(event.key()).isEqualTo("DT-000000042");
    assertThat(event.assetKey()).isEqualTo("M-1102");
    assertThat(event.startedAt()).isEqualTo(Instant.parse("2026-11-23T07:12:31Z"));
    assertThat(event.endedAt()).isEqualTo(Instant.parse("2026-11-23T07:20:01Z"));
    assertThat(event.durationSeconds()).isEqualTo(450);
    assertThat(event.reasonCode()).isEqualTo("JAM");
    assertThat(event.reasonText()).isEqualTo("Product jam");
    assertThat(event.category()).isEqualTo("Mechanical");
    assertThat(event.planned()).isFalse();
    assertThat(event.shift()).isEqualTo("A");
    assertThat(event.operator()).isEqualTo("J. Lind");
    assertThat(event.orderNumber()).isEqualTo("WO-0061337");
    assertThat(event.source().sourceId()).isEqualTo("DT-000000042");
  }

  @Test
  void mapsAnOpenDowntimeEventWithoutEndOrDuration() {
    DowntimeEvent event =
        new IdhammarDowntimeEventMapper().map(fixture("idhammar-downtime-event-open"), OPTIONS);

    assertThat(event.endedAt()).isNull();
    assertThat(event.durationSeconds()).isNull();
    assertThat(event.planned()).isTrue();
    assertThat(event.updatedAt()).isEqualTo(event.startedAt());
  }

  @Test
  void mapsProductionCountsWithTheReasonOfMostRejects() {
    ProductionRecord record =
        new IdhammarProductionMapper().map(fixture("idhammar-production"), OPTIONS);

    assertThat(record.key()).isEqualTo("M-1102/hour/2026-11-23T07:00:00Z");
    assertThat(record.goodCount()).isEqualTo(1402);
    assertThat(record.rejectCount()).isEqualTo(31);
    assertThat(record.reworkCount()).isEqualTo(9);
    assertThat(record.rejectReason()).isEqualTo("Seal leak");
    assertThat(record.orderNumber()).isEqualTo("WO-0061337");
    assertThat(record.availability()).isNull();
  }

  @Test
  void mapsOeeAsExactFractionsUnderTheSameKeyAsTheCounts() {
    ProductionRecord record = new IdhammarOeeMapper().map(fixture("idhammar-oee"), OPTIONS);

    assertThat(record.key()).isEqualTo("M-1102/hour/2026-11-23T07:00:00Z");
    assertThat(record.plannedProductionSeconds()).isEqualTo(3_600);
    assertThat(record.runTimeSeconds()).isEqualTo(3_150);
    assertThat(record.availability()).isEqualTo(new BigDecimal("0.8750"));
    assertThat(record.performance()).isEqualTo(new BigDecimal("0.9156"));
    assertThat(record.quality()).isEqualTo(new BigDecimal("0.9723"));
    assertThat(record.oee()).isEqualTo(new BigDecimal("0.7789"));
    assertThat(record.goodCount()).isEqualTo(1402);
    assertThat(record.idealRatePerHour()).isEqualByComparingTo("1800");
  }

  @Test
  void keepsTheRawRecordAndTheCustomFieldsAskedFor() {
    JsonNode source = fixture("idhammar-machine");

    Asset asset =
        new IdhammarMachineMapper()
            .map(source, new MappingOptions("oee", true, List.of("assetTag", "missing")));

    assertThat(asset.customFields())
        .containsOnlyKeys("assetTag")
        .containsEntry("assetTag", "GBG-00417");
    assertThat(asset.raw()).isEqualTo(source);
  }

  static Stream<Arguments> unmappable() {
    return Stream.of(
        Arguments.of(
            new IdhammarDowntimeEventMapper(), "idhammar-downtime-event", "updatedAt", null),
        Arguments.of(
            new IdhammarDowntimeEventMapper(), "idhammar-downtime-event", "startTime", "yesterday"),
        Arguments.of(new IdhammarDowntimeEventMapper(), "idhammar-downtime-event", "planned", "no"),
        Arguments.of(new IdhammarProductionMapper(), "idhammar-production", "good", "many"),
        Arguments.of(new IdhammarOeeMapper(), "idhammar-oee", "rejectCount", "1.5"),
        Arguments.of(new IdhammarOeeMapper(), "idhammar-oee", "periodStart", null),
        Arguments.of(new IdhammarMachineMapper(), "idhammar-machine", "id", null));
  }

  @ParameterizedTest(name = "{1} with {2} = {3}")
  @MethodSource("unmappable")
  void refusesARecordItCannotReadNamingTheField(
      UnifiedMapper mapper, String fixture, String field, String value) {
    ObjectNode source = (ObjectNode) fixture(fixture);
    if (value == null) {
      source.remove(field);
    } else if (value.equals("1.5")) {
      source.put(field, new BigDecimal(value));
    } else {
      source.put(field, value);
    }

    assertThatThrownBy(() -> mapper.map(source, OPTIONS))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNMAPPABLE_RECORD"))
        .hasMessageContaining("field '" + field + "'");
  }
}
