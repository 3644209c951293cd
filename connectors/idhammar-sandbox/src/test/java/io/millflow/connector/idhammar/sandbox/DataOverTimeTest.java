package io.millflow.connector.idhammar.sandbox;

import static io.millflow.connector.idhammar.sandbox.IdhammarSandboxApiTest.ANCHOR;
import static io.millflow.connector.idhammar.sandbox.IdhammarSandboxApiTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data that moves with the clock, and OEE figures that agree with the events and counts they come
 * from.
 */
class DataOverTimeTest {

  private final MutableClock clock = new MutableClock(ANCHOR);
  private final IdhammarSandbox sandbox =
      new IdhammarSandbox(IdhammarSandboxApiTest.config(clock, 1_500)).start(0);

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void closesOpenEventsAndAddsNewOnesAsTheClockMoves() {
    List<JsonNode> before = readAll(sandbox, "/api/v1/downtime-events?limit=1000");
    List<String> open =
        before.stream()
            .filter(event -> event.get("endTime").isNull())
            .map(event -> event.get("id").asText())
            .toList();

    clock.advance(Duration.ofHours(1));
    Map<String, JsonNode> changed =
        readAll(sandbox, "/api/v1/downtime-events?updatedSince=" + ANCHOR).stream()
            .collect(Collectors.toMap(event -> event.get("id").asText(), Function.identity()));

    assertThat(open).isNotEmpty();
    assertThat(changed).containsKeys(open.toArray(String[]::new));
    open.forEach(
        id -> {
          assertThat(changed.get(id).get("endTime").isNull()).isFalse();
          assertThat(Instant.parse(changed.get(id).get("updatedAt").asText())).isAfter(ANCHOR);
        });
    assertThat(changed.keySet()).contains("DT-000001500", "DT-000001520");
    assertThat(readAll(sandbox, "/api/v1/downtime-events?limit=1000")).hasSize(1_530);
  }

  @Test
  void reportsOeeThatAgreesWithTheDowntimeEventsAndTheCounts() {
    Instant from = ANCHOR.minus(Duration.ofHours(30));
    Instant to = ANCHOR.minus(Duration.ofHours(6));
    String window = "from=" + from + "&to=" + to + "&machineId=M-1203";
    List<JsonNode> hours = readAll(sandbox, "/api/v1/oee?granularity=hour&" + window);
    List<JsonNode> counts =
        readAll(sandbox, "/api/v1/production-counts?granularity=hour&" + window);
    List<JsonNode> events = readAll(sandbox, "/api/v1/downtime-events?machineId=M-1203&limit=1000");

    assertThat(hours).hasSize(24).hasSameSizeAs(counts);
    for (int i = 0; i < hours.size(); i++) {
      JsonNode row = hours.get(i);
      long start = Instant.parse(row.get("periodStart").asText()).getEpochSecond();
      assertThat(row.get("plannedDowntimeSeconds").asLong())
          .isEqualTo(overlap(events, start, true));
      assertThat(row.get("unplannedDowntimeSeconds").asLong())
          .isEqualTo(overlap(events, start, false));
      assertThat(row.get("goodCount").asLong()).isEqualTo(counts.get(i).get("good").asLong());
      assertThat(row.get("rejectCount").asLong()).isEqualTo(counts.get(i).get("reject").asLong());
      assertThat(row.get("totalCount").asLong())
          .isEqualTo(
              row.get("goodCount").asLong()
                  + row.get("rejectCount").asLong()
                  + row.get("reworkCount").asLong());
      assertRatiosFollowFromTheTimesAndCounts(row);
    }
    assertThat(hours).anyMatch(row -> row.get("unplannedDowntimeSeconds").asLong() > 0);
  }

  @Test
  void sumsHoursIntoShiftsAndDays() {
    Instant day = Instant.parse("2026-11-23T00:00:00Z");
    String window = "&machineId=M-2202&from=" + day + "&to=" + day.plus(Duration.ofDays(1));
    List<JsonNode> hours = readAll(sandbox, "/api/v1/oee?granularity=hour" + window);
    List<JsonNode> shifts = readAll(sandbox, "/api/v1/oee?granularity=shift" + window);
    List<JsonNode> days = readAll(sandbox, "/api/v1/oee?granularity=day" + window);

    assertThat(days).hasSize(1);
    assertThat(shifts).extracting(row -> row.get("shift").asText()).containsExactly("A", "B");
    for (String field :
        List.of("goodCount", "runTimeSeconds", "plannedProductionSeconds", "reworkCount")) {
      assertThat(days.getFirst().get(field).asLong()).as(field).isEqualTo(sum(hours, field));
    }
    assertRatiosFollowFromTheTimesAndCounts(days.getFirst());
    assertThat(shifts.getFirst().get("goodCount").asLong())
        .isEqualTo(sum(hours.subList(6, 14), "goodCount"));
  }

  @Test
  void pagesPeriodsByPeriodThenMachineWithoutGapsOrRepeats() {
    String query =
        "/api/v1/production-counts?granularity=shift&siteId=SE-GBG&from="
            + ANCHOR.minus(Duration.ofDays(2));

    List<JsonNode> small = readAll(sandbox, query + "&limit=5");
    List<JsonNode> whole = readAll(sandbox, query);

    assertThat(whole).hasSize(5 * 6).isEqualTo(small);
    assertThat(whole).allSatisfy(row -> assertThat(row.get("siteId").asText()).isEqualTo("SE-GBG"));
  }

  @Test
  void countsAnEventMadeByHandInTheOeeOfItsHourOnlyOnceWhereItOverlaps() {
    String hour =
        "/api/v1/oee?granularity=hour&machineId=M-1101&from="
            + ANCHOR
            + "&to="
            + ANCHOR.plusSeconds(3_600);
    clock.advance(Duration.ofHours(1));
    JsonNode without = readAll(sandbox, hour).getFirst();
    try (IdhammarSandbox again =
        new IdhammarSandbox(IdhammarSandboxApiTest.config(new MutableClock(ANCHOR), 1_500))
            .start(0)) {
      SandboxHttp.post(
          again, "/_sandbox/downtime", "{\"machineId\":\"M-1101\",\"durationSeconds\":3600}");
      ((MutableClock) again.config().clock()).advance(Duration.ofHours(1));

      JsonNode with = readAll(again, hour).getFirst();

      assertThat(
              with.get("unplannedDowntimeSeconds").asLong()
                  + with.get("plannedDowntimeSeconds").asLong())
          .isEqualTo(3_600);
      assertThat(without.get("runTimeSeconds").asLong()).isPositive();
      assertThat(with.get("runTimeSeconds").asLong()).isZero();
      assertThat(with.get("totalCount").asLong()).isZero();
      assertThat(with.get("oee").decimalValue()).isEqualByComparingTo("0");
    }
  }

  private static void assertRatiosFollowFromTheTimesAndCounts(JsonNode row) {
    BigDecimal planned = row.get("plannedProductionSeconds").decimalValue();
    BigDecimal run = row.get("runTimeSeconds").decimalValue();
    BigDecimal total = row.get("totalCount").decimalValue();
    BigDecimal rate = row.get("idealRatePerHour").decimalValue();
    assertThat(row.get("availability").decimalValue())
        .isEqualByComparingTo(run.divide(planned, 4, RoundingMode.HALF_UP));
    if (run.signum() > 0 && total.signum() > 0) {
      BigDecimal performance = row.get("performance").decimalValue();
      BigDecimal quality = row.get("quality").decimalValue();
      assertThat(performance)
          .isEqualByComparingTo(
              total
                  .multiply(BigDecimal.valueOf(3_600))
                  .divide(rate.multiply(run), 4, RoundingMode.HALF_UP))
          .isLessThanOrEqualTo(BigDecimal.ONE);
      assertThat(quality)
          .isEqualByComparingTo(
              row.get("goodCount").decimalValue().divide(total, 4, RoundingMode.HALF_UP));
      BigDecimal product =
          row.get("availability").decimalValue().multiply(performance).multiply(quality);
      assertThat(row.get("oee").decimalValue().subtract(product).abs())
          .isLessThan(new BigDecimal("0.0003"));
    }
  }

  /** Seconds of planned (or unplanned) events within the hour from {@code start}. */
  private static long overlap(List<JsonNode> events, long start, boolean planned) {
    long seconds = 0;
    for (JsonNode event : events) {
      if (event.get("planned").asBoolean() == planned && !event.get("endTime").isNull()) {
        long from =
            Math.max(start, Instant.parse(event.get("startTime").asText()).getEpochSecond());
        long to =
            Math.min(start + 3_600, Instant.parse(event.get("endTime").asText()).getEpochSecond());
        seconds += Math.max(0, to - from);
      }
    }
    return seconds;
  }

  private static long sum(List<JsonNode> rows, String field) {
    return rows.stream().mapToLong(row -> row.get(field).asLong()).sum();
  }
}
