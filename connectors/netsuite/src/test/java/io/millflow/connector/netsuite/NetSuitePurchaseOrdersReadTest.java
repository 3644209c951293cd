package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Batches;
import io.millflow.step.Connection;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The purchase-order read run outside any engine, over HTTP against a sandbox that does not change
 * during the test.
 */
class NetSuitePurchaseOrdersReadTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(NOW);
  private static NetSuiteSandbox sandbox;

  private final NetSuitePurchaseOrdersRead step =
      new NetSuitePurchaseOrdersRead(NetSuiteTesting.clients(CLOCK));
  private final TestStepContext context = new TestStepContext().withClock(CLOCK);

  @BeforeAll
  static void start() {
    sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(300)
                    .withChanges(0.1, Duration.ofDays(1))
                    .withClock(CLOCK))
            .start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void readsEveryPurchaseOrderOnceWithItsItemLines() {
    context.withConnection(sandbox.connection("netsuite"));

    ReadResult result = step.run(new SuiteQlReadInput("netsuite", null, null, 50), context);

    List<JsonNode> orders = context.datasets().readAll(result.records(), JsonNode.class);
    assertThat(result.records().entity()).isEqualTo("netsuite.purchaseOrder");
    assertThat(orders).hasSize(300);
    assertThat(ids(orders)).doesNotHaveDuplicates();
    assertThat(orders)
        .allSatisfy(
            order -> {
              assertThat(order.at("/item/items").size())
                  .isBetween(1, 9)
                  .isEqualTo(order.at("/item/totalResults").asInt());
              assertThat(order.at("/entity/refName").asText()).isNotBlank();
              assertThat(order.get("total").decimalValue())
                  .isEqualByComparingTo(sum(order.at("/item/items")));
            });
    assertThat(result.cursor())
        .isEqualTo(
            orders.stream()
                .map(o -> Instant.parse(o.get("lastModifiedDate").asText()))
                .max(Instant::compareTo)
                .orElseThrow()
                .toString());
  }

  @Test
  void reportsEachPageItHasRead() {
    context.withConnection(sandbox.connection("netsuite"));

    step.run(new SuiteQlReadInput("netsuite", null, null, 50), context);

    List<Batches> pages = context.batchReports();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(300 / 50);
    assertThat(pages).extracting(Batches::unit).containsOnly(Batches.Unit.PAGE);
    assertThat(pages)
        .extracting(Batches::done)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, pages.size()).boxed().toList());
  }

  @Test
  void readsPastTheResultCeilingInNewWindowsWithoutGapsOrRepeats() {
    try (NetSuiteSandbox small =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(300)
                    .withResultCeiling(40)
                    .withClock(CLOCK))
            .start(0)) {
      context.withConnection(
          NetSuiteTesting.with(
              small.connection("small"), Map.of("suiteQlResultLimit", "40"), Map.of()));

      ReadResult result = step.run(new SuiteQlReadInput("small", null, null, 10), context);

      List<String> ids = ids(context.datasets().readAll(result.records(), JsonNode.class));
      assertThat(ids).hasSize(300).doesNotHaveDuplicates();
      assertThat(context.logLines()).anyMatch(line -> line.contains("40-result ceiling"));
    }
  }

  @Test
  void readsOnlyOrdersModifiedInThePeriodWithItsEndExclusive() {
    context.withConnection(sandbox.connection("netsuite"));
    List<Instant> modified =
        context
            .datasets()
            .readAll(
                step.run(new SuiteQlReadInput("netsuite", null, null, null), context).records(),
                JsonNode.class)
            .stream()
            .map(o -> Instant.parse(o.get("lastModifiedDate").asText()))
            .sorted()
            .toList();

    ReadResult result =
        step.run(
            new SuiteQlReadInput("netsuite", modified.get(100), modified.get(200), 1000), context);

    assertThat(result.records().count())
        .isEqualTo(
            modified.stream()
                .filter(m -> !m.isBefore(modified.get(100)) && m.isBefore(modified.get(200)))
                .count());
  }

  @Test
  void producesADatasetTheUnifiedTransformMapsToPurchaseOrders() {
    context.withConnection(sandbox.connection("netsuite"));
    ReadResult read = step.run(new SuiteQlReadInput("netsuite", null, null, null), context);

    DatasetRef mapped =
        new UnifiedTransform(List.of(new NetSuitePurchaseOrderMapper()))
            .run(new UnifiedTransform.Input(read.records(), "netsuite", false, null), context);

    List<PurchaseOrder> orders = context.datasets().readAll(mapped, PurchaseOrder.class);
    assertThat(orders)
        .hasSize(300)
        .allSatisfy(
            order -> {
              assertThat(order.lines()).isNotEmpty();
              assertThat(order.totalAmount())
                  .isEqualByComparingTo(
                      order.lines().stream()
                          .map(line -> line.amount())
                          .reduce(BigDecimal.ZERO, BigDecimal::add));
              assertThat(order.vendorKey()).isNotBlank();
              assertThat(order.source().system()).isEqualTo("netsuite");
            });
  }

  @Test
  void refusesAConnectionToAnotherSystem() {
    context.withConnection(new Connection("db", "postgres", Map.of(), Map.of()));

    assertThatThrownBy(() -> step.run(new SuiteQlReadInput("db", null, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("WRONG_CONNECTION_TYPE"));
  }

  @Test
  void refusesAPageLargerThanNetSuitesLargest() {
    context.withConnection(sandbox.connection("netsuite"));

    assertThatThrownBy(() -> step.run(new SuiteQlReadInput("netsuite", null, null, 1001), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.getMessage()).contains("pageSize"));
  }

  static List<String> ids(List<JsonNode> records) {
    return records.stream().map(record -> record.get("id").asText()).toList();
  }

  private static BigDecimal sum(JsonNode lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode line : lines) {
      sum = sum.add(line.get("amount").decimalValue());
    }
    return sum;
  }
}
