package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An account far east of UTC (Kiritimati, UTC+14), synced just before and just after its local
 * midnight: every order modified around that midnight lands, on the next run at the latest, once
 * each (Airbyte's NetSuite source loses those between the sync and local midnight, #79653).
 */
class LocalMidnightTest {

  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  private static final Instant HISTORY_END = Instant.parse("2026-03-01T00:00:00Z");

  /** 2026-03-02 00:00 in Kiritimati. */
  private static final Instant LOCAL_MIDNIGHT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void ordersModifiedAroundTheAccountsLocalMidnightAllLandOnceEach() {
    MutableClock clock = new MutableClock(LOCAL_MIDNIGHT.minus(Duration.ofMinutes(2)));
    try (NetSuiteSandbox sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(300)
                    .withHistory(HISTORY_END, Duration.ofDays(30))
                    .withChanges(0.6, Duration.ofHours(1))
                    .withTimeZone(KIRITIMATI)
                    .withClock(clock))
            .start(0)) {
      NetSuitePurchaseOrdersRead step =
          new NetSuitePurchaseOrdersRead(NetSuiteTesting.clients(clock));
      TestStepContext context =
          new TestStepContext().withClock(clock).withConnection(sandbox.connection("netsuite"));

      ReadResult before = step.run(new SuiteQlReadInput("netsuite", null, null, null), context);
      clock.advance(Duration.ofMinutes(25));
      Instant from = BoundaryMargin.of(null).lookBack(Instant.parse(before.cursor()));
      ReadResult after = step.run(new SuiteQlReadInput("netsuite", from, null, null), context);
      Map<String, Instant> truth =
          modified(step.run(new SuiteQlReadInput("netsuite", null, null, null), context), context);

      List<JsonNode> second = context.datasets().readAll(after.records(), JsonNode.class);
      Map<String, Instant> landed = new HashMap<>(modified(before, context));
      second.forEach(order -> landed.merge(id(order), modifiedOf(order), LocalMidnightTest::newer));
      Map<String, Instant> aroundMidnight =
          truth.entrySet().stream()
              .filter(e -> e.getValue().isAfter(LOCAL_MIDNIGHT.minus(Duration.ofMinutes(10))))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

      assertThat(aroundMidnight.values())
          .as("orders modified on both sides of the local midnight")
          .anyMatch(at -> at.isBefore(LOCAL_MIDNIGHT))
          .anyMatch(at -> !at.isBefore(LOCAL_MIDNIGHT));
      assertThat(landed).isEqualTo(truth);
      assertThat(second.stream().map(LocalMidnightTest::id))
          .as("each order once in the next run")
          .doesNotHaveDuplicates()
          .containsAll(aroundMidnight.keySet());
      assertThat(second).allSatisfy(order -> assertThat(modifiedOf(order)).isAfterOrEqualTo(from));
    }
  }

  private static Map<String, Instant> modified(ReadResult read, TestStepContext context) {
    return context.datasets().readAll(read.records(), JsonNode.class).stream()
        .collect(
            Collectors.toMap(
                LocalMidnightTest::id, LocalMidnightTest::modifiedOf, LocalMidnightTest::newer));
  }

  private static Instant newer(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String id(JsonNode order) {
    return order.get("id").asText();
  }

  private static Instant modifiedOf(JsonNode order) {
    return Instant.parse(order.get("lastModifiedDate").asText());
  }
}
