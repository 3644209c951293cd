package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.model.Asset;
import io.millflow.model.ProductionRecord;
import io.millflow.model.UnifiedMapper;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The machine, production and OEE read steps against a sandbox, each mapped to the unified model.
 */
class IdhammarMachinesAndPeriodsReadTest {

  private static final Instant ANCHOR = Instant.parse("2026-11-24T12:00:00Z");
  private static final Instant FROM = Instant.parse("2026-11-23T06:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-24T06:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(ANCHOR);
  private static IdhammarSandbox sandbox;

  private final TestStepContext context =
      new TestStepContext().withClock(CLOCK).withConnection(sandbox.connection("oee"));
  private final UnifiedTransform transform =
      new UnifiedTransform(
          List.<UnifiedMapper>of(
              new IdhammarMachineMapper(),
              new IdhammarProductionMapper(),
              new IdhammarOeeMapper()));

  @BeforeAll
  static void start() {
    sandbox =
        new IdhammarSandbox(
                IdhammarSandboxConfig.defaults()
                    .withDowntimeEvents(1_000)
                    .withClock(CLOCK, ANCHOR)
                    .withoutRateLimit())
            .start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void readsLinesAndMachinesAsAssetsUnderTheirLineAndSite() {
    ReadResult read =
        new IdhammarMachinesRead().run(new IdhammarMachinesRead.Input("oee"), context);

    List<Asset> assets = unified(read.records(), Asset.class);
    assertThat(read.cursor()).isNull();
    assertThat(assets).hasSize(16);
    assertThat(assets)
        .filteredOn(asset -> asset.level().equals("WorkUnit"))
        .hasSize(12)
        .allSatisfy(
            machine -> {
              assertThat(machine.parentKey()).matches("L\\d\\d");
              assertThat(machine.siteKey()).isIn("SE-GBG", "US-CLT");
              assertThat(machine.idealRatePerHour()).isPositive();
              assertThat(machine.source().system()).isEqualTo("idhammar");
            });
    assertThat(assets)
        .filteredOn(asset -> asset.level().equals("ProductionLine"))
        .hasSize(4)
        .allSatisfy(line -> assertThat(line.parentKey()).isNull());
  }

  @Test
  void readsOnlyTheMachinesOfTheConnectionsSite() {
    context.withConnection(
        HttpIdhammarClientTest.connection(
            sandbox, "clt", Map.of("siteId", "US-CLT"), sandbox.config().apiToken()));

    ReadResult read =
        new IdhammarMachinesRead().run(new IdhammarMachinesRead.Input("clt"), context);

    assertThat(unified(read.records(), Asset.class))
        .hasSize(8)
        .allSatisfy(asset -> assertThat(asset.siteKey()).isEqualTo("US-CLT"));
  }

  @Test
  void readsOeePerShiftAsFractionsWhoseProductIsTheOee() {
    ReadResult read =
        new IdhammarOeeRead()
            .run(new IdhammarOeeRead.Input("oee", FROM, TO, "shift", null, 7), context);

    List<ProductionRecord> records = unified(read.records(), ProductionRecord.class);
    assertThat(records).hasSize(3 * 12);
    assertThat(read.cursor()).isEqualTo(TO.toString());
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(record.key())
                  .isEqualTo(record.assetKey() + "/shift/" + record.periodStart());
              assertThat(record.availability()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
              assertThat(record.performance()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
              assertThat(record.quality()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
              BigDecimal product =
                  record.availability().multiply(record.performance()).multiply(record.quality());
              assertThat(record.oee().subtract(product).abs()).isLessThan(new BigDecimal("0.0003"));
              assertThat(record.runTimeSeconds())
                  .isLessThanOrEqualTo(record.plannedProductionSeconds());
              assertThat(record.goodCount() + record.rejectCount() + record.reworkCount())
                  .isPositive();
            });
  }

  @Test
  void readsProductionCountsThatMatchTheOeeRowsOfTheSamePeriods() {
    ReadResult counts =
        new IdhammarProductionRead()
            .run(
                new IdhammarProductionRead.Input("oee", FROM, TO, "hour", "M-1201", null), context);
    ReadResult oee =
        new IdhammarOeeRead()
            .run(new IdhammarOeeRead.Input("oee", FROM, TO, "hour", "M-1201", null), context);

    List<ProductionRecord> fromCounts = unified(counts.records(), ProductionRecord.class);
    Map<String, ProductionRecord> fromOee =
        unified(oee.records(), ProductionRecord.class).stream()
            .collect(Collectors.toMap(ProductionRecord::key, Function.identity()));
    assertThat(fromCounts)
        .hasSize(24)
        .allSatisfy(
            record -> {
              ProductionRecord same = fromOee.get(record.key());
              assertThat(record.goodCount()).isEqualTo(same.goodCount());
              assertThat(record.rejectCount()).isEqualTo(same.rejectCount());
              assertThat(record.reworkCount()).isEqualTo(same.reworkCount());
              assertThat(record.oee()).isNull();
              assertThat(record.orderNumber()).startsWith("WO-");
            });
    assertThat(fromCounts).anyMatch(record -> record.rejectReason() != null);
  }

  @Test
  void continuesFromTheCursorWithOnlyThePeriodsEndedSince() {
    MutableClock clock = new MutableClock(ANCHOR);
    try (IdhammarSandbox moving =
        new IdhammarSandbox(
                IdhammarSandboxConfig.defaults()
                    .withDowntimeEvents(1_000)
                    .withClock(clock, ANCHOR)
                    .withoutRateLimit())
            .start(0)) {
      TestStepContext run =
          new TestStepContext().withClock(clock).withConnection(moving.connection("oee"));
      IdhammarProductionRead step = new IdhammarProductionRead();
      ReadResult first =
          step.run(new IdhammarProductionRead.Input("oee", FROM, null, "shift", null, null), run);
      clock.advance(Duration.ofHours(9));

      ReadResult second =
          step.run(
              new IdhammarProductionRead.Input(
                  "oee", Instant.parse(first.cursor()), null, "shift", null, null),
              run);

      assertThat(first.cursor()).isEqualTo("2026-11-24T06:00:00Z");
      assertThat(run.datasets().readAll(second.records(), JsonNode.class))
          .hasSize(12)
          .allSatisfy(
              row -> assertThat(row.get("periodStart").asText()).isEqualTo("2026-11-24T06:00:00Z"));
      assertThat(second.cursor()).isEqualTo("2026-11-24T14:00:00Z");
    }
  }

  @Test
  void refusesAGranularityTheListDoesNotHave() {
    assertThatThrownBy(
            () ->
                new IdhammarProductionRead()
                    .run(
                        new IdhammarProductionRead.Input("oee", FROM, TO, "day", null, null),
                        context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("hour, shift");
  }

  private <T> List<T> unified(DatasetRef records, Class<T> type) {
    DatasetRef mapped =
        transform.run(new UnifiedTransform.Input(records, "oee", false, null), context);
    return context.datasets().readAll(mapped, type);
  }
}
