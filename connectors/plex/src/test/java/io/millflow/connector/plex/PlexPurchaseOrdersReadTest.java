package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead.Input;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderDelivery;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read step run outside any engine, against a running sandbox. */
class PlexPurchaseOrdersReadTest {

  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
  private static PlexSandbox sandbox;
  private static List<JsonNode> generated;

  private final PlexPurchaseOrdersRead step = new PlexPurchaseOrdersRead();
  private final TestStepContext context =
      new TestStepContext()
          .withConnection(PlexConnections.to(sandbox, "plex"))
          .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(120).withoutRateLimit())
            .start(0);
    generated =
        List.copyOf(
            new HttpPlexClientFactory()
                .forConnection(PlexConnections.to(sandbox, "all"))
                .purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null)));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void readsExactlyTheGeneratedPurchaseOrdersWithTheirFiveLines() {
    ReadResult result = step.run(new Input("plex", null, null, null, null, null), context);

    List<JsonNode> orders = context.datasets().readAll(result.records(), JsonNode.class);
    assertThat(result.records().entity()).isEqualTo("plex.purchaseOrder");
    assertThat(result.records().count()).isEqualTo(120);
    assertThat(ids(orders)).containsExactlyInAnyOrderElementsOf(ids(generated));
    assertThat(orders).allSatisfy(order -> assertThat(order.get("lineItems")).hasSize(5));
    assertThat(result.cursor())
        .isEqualTo(
            generated.stream()
                .map(order -> Instant.parse(order.get("modifiedDate").asText()))
                .max(Instant::compareTo)
                .orElseThrow()
                .toString());
  }

  @Test
  void splitsCrowdedWindowsAndStillReadsEveryOrderOnce() {
    ReadResult result =
        step.run(
            new Input("plex", Instant.parse("2023-12-01T00:00:00Z"), null, 400, 7, false), context);

    List<String> ids = ids(context.datasets().readAll(result.records(), JsonNode.class));
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(generated));
    assertThat(context.logLines())
        .anyMatch(line -> line.contains("more than 7: reading it in two halves"));
  }

  @Test
  void readsOnlyOrdersModifiedInThePeriodWithItsEndExclusive() {
    List<Instant> modified =
        generated.stream()
            .map(order -> Instant.parse(order.get("modifiedDate").asText()))
            .sorted()
            .toList();
    Instant since = modified.get(30);
    Instant until = modified.get(90);

    ReadResult result = step.run(new Input("plex", since, until, 7, null, false), context);

    assertThat(result.records().count()).isEqualTo(60);
    assertThat(result.cursor()).isEqualTo(modified.get(89).toString());
  }

  @Test
  void leavesLineItemsOutWhenNotAsked() {
    ReadResult result = step.run(new Input("plex", null, null, 365, null, false), context);

    assertThat(context.datasets().readAll(result.records(), JsonNode.class))
        .allSatisfy(order -> assertThat(order.has("lineItems")).isFalse());
  }

  @Test
  void returnsAnEmptyDatasetAndNoCursorWhenNothingChanged() {
    ReadResult result =
        step.run(new Input("plex", NOW.minusSeconds(3_600), null, null, null, null), context);

    assertThat(result.records().count()).isZero();
    assertThat(result.cursor()).isNull();
  }

  @Test
  void reportsProgress() {
    step.run(new Input("plex", null, null, null, null, false), context);

    assertThat(context.progressReports()).isNotEmpty();
    assertThat(context.progressReports().getLast()).containsExactly(120, 120);
  }

  @Test
  void asksForANewKeyWhenPlexRejectsIt() {
    context.withConnection(
        PlexConnections.to(sandbox, "stale", "3d6f0b1e-0000-4000-8000-000000000000", Map.of()));

    assertThatThrownBy(() -> step.run(new Input("stale", null, null, null, null, null), context))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("stale"));
  }

  @Test
  void refusesAConnectionToAnotherSystem() {
    context.withConnection(new Connection("db", "postgres", Map.of(), Map.of()));

    assertThatThrownBy(() -> step.run(new Input("db", null, null, null, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("WRONG_CONNECTION_TYPE"));
  }

  @Test
  void refusesAPeriodThatEndsBeforeItBegins() {
    assertThatThrownBy(
            () -> step.run(new Input("plex", NOW, NOW.minusSeconds(1), null, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
  }

  @Test
  void producesADatasetTheUnifiedTransformMapsWithPlexsMapper() {
    ReadResult read = step.run(new Input("plex", null, null, null, null, null), context);

    DatasetRef mapped =
        new UnifiedTransform(List.of(new PlexPurchaseOrderMapper()))
            .run(new UnifiedTransform.Input(read.records(), "plex", false, null), context);

    List<PurchaseOrder> orders = context.datasets().readAll(mapped, PurchaseOrder.class);
    assertThat(orders)
        .hasSize(120)
        .allSatisfy(
            order -> {
              assertThat(order.lines()).hasSize(5);
              assertThat(order.totalAmount())
                  .isEqualByComparingTo(
                      order.lines().stream()
                          .map(line -> line.amount())
                          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
              assertThat(order.source().connection()).isEqualTo("plex");
            });
  }

  @Test
  void everyLinesDeliveryScheduleAddsUpToItsQuantityDueDateByDueDate() {
    ReadResult read = step.run(new Input("plex", null, null, null, null, null), context);

    DatasetRef mapped =
        new UnifiedTransform(List.of(new PlexPurchaseOrderMapper()))
            .run(new UnifiedTransform.Input(read.records(), "plex", false, null), context);

    List<PurchaseOrderLine> lines =
        context.datasets().readAll(mapped, PurchaseOrder.class).stream()
            .flatMap(order -> order.lines().stream())
            .toList();
    assertThat(lines).hasSize(600);
    assertThat(lines).anySatisfy(line -> assertThat(line.deliveries()).hasSizeGreaterThan(1));
    assertThat(lines)
        .filteredOn(line -> !line.deliveries().isEmpty())
        .allSatisfy(
            line -> {
              assertThat(
                      line.deliveries().stream()
                          .map(PurchaseOrderDelivery::quantity)
                          .reduce(BigDecimal.ZERO, BigDecimal::add))
                  .isEqualByComparingTo(line.quantity());
              assertThat(line.deliveries())
                  .extracting(PurchaseOrderDelivery::dueDate)
                  .isSorted()
                  .first()
                  .isEqualTo(line.requiredDate());
              assertThat(line.deliveries())
                  .allSatisfy(delivery -> assertThat(delivery.key()).isNotBlank());
            });
  }

  private static List<String> ids(List<JsonNode> orders) {
    return orders.stream().map(order -> order.get("id").asText()).toList();
  }
}
