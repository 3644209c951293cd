package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A sync that runs again later from its cursor reads what changed in between, and only that. */
class IncrementalSyncTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void theNextRunFromTheCursorReadsTheOrdersThatChangedSince() {
    MutableClock clock = new MutableClock(NOW);
    try (NetSuiteSandbox sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(200)
                    .withHistory(NOW, Duration.ofDays(30))
                    .withChanges(0.1, Duration.ofHours(1))
                    .withClock(clock))
            .start(0)) {
      NetSuitePurchaseOrdersRead step =
          new NetSuitePurchaseOrdersRead(NetSuiteTesting.clients(clock));
      TestStepContext context =
          new TestStepContext().withClock(clock).withConnection(sandbox.connection("netsuite"));
      ReadResult first = step.run(new SuiteQlReadInput("netsuite", null, null, null), context);
      Map<String, JsonNode> before =
          byId(context.datasets().readAll(first.records(), JsonNode.class));

      clock.advance(Duration.ofHours(2));
      ReadResult second =
          step.run(
              new SuiteQlReadInput("netsuite", Instant.parse(first.cursor()), null, null), context);
      List<JsonNode> changed =
          context.datasets().readAll(second.records(), JsonNode.class).stream()
              .filter(order -> !order.get("lastModifiedDate").asText().equals(first.cursor()))
              .toList();

      assertThat(before).hasSize(200);
      assertThat(changed)
          .hasSizeBetween(8, 40)
          .allSatisfy(
              order -> {
                JsonNode old = before.get(order.get("id").asText());
                assertThat(Instant.parse(order.get("lastModifiedDate").asText()))
                    .isAfter(Instant.parse(old.get("lastModifiedDate").asText()))
                    .isAfterOrEqualTo(NOW);
                assertThat(order.at("/status/refName").asText())
                    .isNotEqualTo(old.at("/status/refName").asText());
              });
      assertThat(Instant.parse(second.cursor())).isAfter(Instant.parse(first.cursor()));
    }
  }

  private static Map<String, JsonNode> byId(List<JsonNode> orders) {
    return orders.stream()
        .collect(Collectors.toMap(order -> order.get("id").asText(), Function.identity()));
  }
}
