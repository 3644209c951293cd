package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead.Input;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole syncs through the read step against the sandbox: volume with exact counts, and records
 * edited mid-sync.
 */
class PurchaseOrderSyncTest {

  private static final Instant END = PlexSandboxConfig.DEFAULT_DATA_END;
  private static final Instant START = PlexSandboxConfig.defaults().dataStart();

  @Test
  void aFullSyncOf100000PurchaseOrdersCompletesWithExactCounts() {
    // Two-day windows hold ~550 orders each, under the 1,000 that would make the step halve them.
    Sync sync = fullSync(100_000, 2, false);

    assertThat(sync.result().records().count()).isEqualTo(100_000);
    assertThat(sync.orders().stream().map(order -> order.get("id").asText()).distinct().count())
        .isEqualTo(100_000);
    assertThat(
            sync.orders().stream().map(order -> order.get("poNumber").asText()).distinct().count())
        .isEqualTo(100_000);
    assertThat(sync.result().cursor())
        .isEqualTo(
            sync.orders().stream()
                .map(PurchaseOrderSyncTest::modified)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .toString());
  }

  @Test
  void aFullSyncWithLineItemsCountsEveryLineOfEveryOrder() {
    Sync sync = fullSync(4_000, 30, true);

    assertThat(sync.orders()).hasSize(4_000);
    assertThat(sync.orders().stream().mapToInt(order -> order.get("lineItems").size()).sum())
        .isEqualTo(20_000);
    // one line-item call per order; per window of 30 days (13) one order call, one call for the
    // releases changed in it, and one releases call per 50 of its orders (80 to 80 + 13)
    assertThat(sync.apiCalls()).isBetween(4_000L + 13 * 2 + 80, 4_000L + 13 * 2 + 80 + 13);
  }

  @Test
  void ordersEditedDuringASyncReachTheirNewestVersionWithoutAGap() {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(300).withoutRateLimit())
            .start(0)) {
      TestStepContext context =
          new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));
      List<ObjectNode> before =
          new HttpPlexClientFactory()
              .forConnection(PlexConnections.to(sandbox, "plex"))
              .purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null));
      List<String> alreadyRead =
          before.stream()
              .sorted(Comparator.comparing(PurchaseOrderSyncTest::modified))
              .limit(5)
              .map(order -> order.get("id").asText())
              .toList();
      List<String> notYetRead =
          before.stream()
              .sorted(Comparator.comparing(PurchaseOrderSyncTest::modified).reversed())
              .skip(20)
              .limit(5)
              .map(order -> order.get("id").asText())
              .toList();
      // After the third window: five orders read already are edited into a window still to come (an
      // end given in the future, or a clock ahead), five not yet read are edited after the run's
      // end, as a sync that takes a while sees.
      Runnable edits =
          () -> {
            alreadyRead.forEach(
                id -> sandbox.touchPurchaseOrder(id, Instant.parse("2024-12-31T12:00:00Z")));
            notYetRead.forEach(id -> sandbox.touchPurchaseOrder(id, END.plusSeconds(600)));
          };
      PlexPurchaseOrdersRead step = new PlexPurchaseOrdersRead(editingAfterWindows(3, edits));

      ReadResult first = step.run(new Input("plex", START, END, 30, null, false), context);
      ReadResult second =
          step.run(
              new Input(
                  "plex", Instant.parse(first.cursor()), END.plusSeconds(3_600), 30, null, false),
              context);

      List<JsonNode> firstRun = context.datasets().readAll(first.records(), JsonNode.class);
      List<JsonNode> both =
          Stream.concat(
                  firstRun.stream(),
                  context.datasets().readAll(second.records(), JsonNode.class).stream())
              .toList();
      assertThat(firstRun)
          .hasSize(300)
          .extracting(order -> order.get("id").asText())
          .doesNotContainAnyElementsOf(notYetRead);
      assertThat(context.logLines())
          .filteredOn(line -> line.contains("changed while it was being read"))
          .hasSize(5);
      assertThat(newestById(both))
          .isEqualTo(
              newestById(
                  new HttpPlexClientFactory()
                      .forConnection(PlexConnections.to(sandbox, "plex"))
                      .purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null))));
    }
  }

  @Test
  void anOrderWhoseReleasesAloneChangedIsNotReadAgainByTheRunAfter() {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(40).withoutRateLimit())
            .start(0)) {
      TestStepContext context =
          new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));
      HttpPlexClientFactory clients = new HttpPlexClientFactory();
      PlexClient plex = clients.forConnection(PlexConnections.to(sandbox, "plex"));
      PlexWriteClient writes = clients.writeClient("plex", PlexSteps.connection(context, "plex"));
      List<String> withReleases =
          plex.purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null)).stream()
              .map(order -> order.get("id").asText())
              .filter(id -> !releasesOf(plex, id).isEmpty())
              .limit(2)
              .toList();
      // now, long after every order's own modifiedDate: one release of each order changes, the
      // second order's last; the orders' headers stay as they were
      withReleases.forEach(order -> changeQuantity(plex, writes, order));
      PlexPurchaseOrdersRead step = new PlexPurchaseOrdersRead(clients);

      ReadResult first =
          step.run(new Input("plex", START, null, 365, null, true, Duration.ZERO), context);
      ReadResult second =
          step.run(
              new Input(
                  "plex", Instant.parse(first.cursor()), null, 365, null, true, Duration.ZERO),
              context);

      assertThat(first.records().count()).isEqualTo(40);
      assertThat(Instant.parse(first.cursor())).isAfter(END);
      // the run after reads from the newest release change on: only the order changed last, at
      // the cursor itself (a read's start is inclusive), not the other one again
      assertThat(context.datasets().readAll(second.records(), JsonNode.class))
          .extracting(order -> order.get("id").asText())
          .containsExactly(withReleases.get(1));
      assertThat(second.cursor()).isEqualTo(first.cursor());
    }
  }

  private static List<ObjectNode> releasesOf(PlexClient plex, String orderId) {
    return plex.releases(List.of(Map.entry("pOId", orderId)));
  }

  private static void changeQuantity(PlexClient plex, PlexWriteClient writes, String orderId) {
    ObjectNode release = releasesOf(plex, orderId).getFirst();
    ObjectNode body = release.objectNode();
    body.put("quantity", release.get("quantity").decimalValue().add(java.math.BigDecimal.ONE));
    assertThat(writes.updateRelease(release.get("id").asText(), body))
        .isInstanceOf(PlexWriteClient.Written.class);
  }

  private record Sync(ReadResult result, List<JsonNode> orders, long apiCalls) {}

  /** The step reads all of 2024 from a sandbox of {@code orders} orders, without rate limit. */
  private static Sync fullSync(int orders, int windowDays, boolean lineItems) {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(orders).withoutRateLimit())
            .start(0)) {
      TestStepContext context =
          new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));
      ReadResult result =
          new PlexPurchaseOrdersRead()
              .run(new Input("plex", START, END, windowDays, null, lineItems), context);
      return new Sync(
          result, context.datasets().readAll(result.records(), JsonNode.class), sandbox.apiCalls());
    }
  }

  /** A Plex client that runs {@code edits} once, right after the given number of window calls. */
  private static PlexClientFactory editingAfterWindows(int windows, Runnable edits) {
    AtomicInteger calls = new AtomicInteger();
    HttpPlexClientFactory http = new HttpPlexClientFactory();
    return (name, connection) -> {
      PlexClient client = http.forConnection(name, connection);
      return new PlexClient() {
        @Override
        public List<ObjectNode> purchaseOrders(PurchaseOrderFilter filter) {
          List<ObjectNode> orders = client.purchaseOrders(filter);
          if (calls.incrementAndGet() == windows) {
            edits.run();
          }
          return orders;
        }

        @Override
        public List<ObjectNode> purchaseOrderLineItems(String purchaseOrderId) {
          return client.purchaseOrderLineItems(purchaseOrderId);
        }

        @Override
        public List<ObjectNode> releases(List<Map.Entry<String, String>> query) {
          return client.releases(query);
        }

        @Override
        public List<ObjectNode> records(
            PlexResource resource, List<Map.Entry<String, String>> query) {
          return client.records(resource, query);
        }

        @Override
        public List<ObjectNode> tenants() {
          return client.tenants();
        }
      };
    };
  }

  /** What a newer-wins sink ends up holding: each order's newest modifiedDate. */
  private static Map<String, Instant> newestById(List<? extends JsonNode> orders) {
    return orders.stream()
        .collect(
            Collectors.toMap(
                order -> order.get("id").asText(),
                PurchaseOrderSyncTest::modified,
                (a, b) -> a.isAfter(b) ? a : b,
                HashMap::new));
  }

  private static Instant modified(JsonNode order) {
    return Instant.parse(order.get("modifiedDate").asText());
  }
}
