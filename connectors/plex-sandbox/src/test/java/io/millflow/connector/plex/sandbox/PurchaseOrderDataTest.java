package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.protocol.PlexGuesses;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The generated data: the same for a seed, spread over the period, cheap at 10,000 orders of 5
 * lines.
 */
class PurchaseOrderDataTest {

  @Test
  void generatesTheSameOrdersForTheSameSeed() {
    PurchaseOrderData first = new PurchaseOrderData(PlexSandboxConfig.defaults().withSeed(7));
    PurchaseOrderData again = new PurchaseOrderData(PlexSandboxConfig.defaults().withSeed(7));

    assertThat(again.order(123)).isEqualTo(first.order(123));
    assertThat(again.lineItems(123)).isEqualTo(first.lineItems(123));
  }

  @Test
  void generatesOtherOrdersForAnotherSeed() {
    PurchaseOrderData first = new PurchaseOrderData(PlexSandboxConfig.defaults().withSeed(7));
    PurchaseOrderData other = new PurchaseOrderData(PlexSandboxConfig.defaults().withSeed(8));

    assertThat(other.order(0).get("id")).isNotEqualTo(first.order(0).get("id"));
  }

  @Test
  void findsAnOrderByItsIdAndNothingForAForeignId() {
    PurchaseOrderData data = new PurchaseOrderData(PlexSandboxConfig.defaults());
    String id = data.order(321).get("id").asText();

    assertThat(data.indexOf(id)).isEqualTo(321);
    assertThat(data.indexOf("8c1e6b2a-4f0d-4a3e-9b7c-000000000141")).isEqualTo(-1);
    assertThat(data.indexOf("not-a-uuid")).isEqualTo(-1);
  }

  @Test
  void spreadsModifiedDatesOverThePeriodBeforeItsEnd() {
    Instant end = Instant.parse("2024-07-01T00:00:00Z");
    PurchaseOrderData data =
        new PurchaseOrderData(
            PlexSandboxConfig.defaults().withModifiedPeriod(end, Duration.ofDays(10)));

    List<Instant> modified = data.modifiedBetween(null, null).mapToObj(data::modified).toList();

    assertThat(modified)
        .hasSize(500)
        .isSorted()
        .allMatch(m -> m.isBefore(end) && !m.isBefore(end.minus(Duration.ofDays(10))));
    assertThat(data.modifiedBetween(end.minus(Duration.ofDays(5)), end).count())
        .isBetween(150L, 350L);
  }

  @Test
  void totalsEachOrderFromItsLinesReleasedOrBlanketQuantities() {
    PurchaseOrderData data = new PurchaseOrderData(PlexSandboxConfig.defaults());
    int blanket =
        IntStream.range(0, data.count())
            .filter(i -> data.order(i).get("blanketOrder").asBoolean())
            .findFirst()
            .orElseThrow();

    for (int index : new int[] {5, blanket}) {
      Map<String, BigDecimal> released = new HashMap<>();
      for (var release : data.releases(index)) {
        if (!release.get("status").asText().equals(PlexGuesses.RELEASE_CANCELED_STATUS)) {
          released.merge(
              release.get("poLineItemId").asText(),
              release.get("quantity").decimalValue(),
              BigDecimal::add);
        }
      }
      BigDecimal total = BigDecimal.ZERO;
      for (var line : data.lineItems(index)) {
        BigDecimal quantity =
            released.getOrDefault(
                line.get("id").asText(), line.get("blanketQuantity").decimalValue());
        total = total.add(quantity.multiply(line.get("unitPrice").decimalValue()));
      }

      assertThat(data.order(index).get("lineItemTotal").decimalValue())
          .as("order %d", index)
          .isEqualByComparingTo(total);
    }
    assertThat(data.releases(blanket)).isEmpty();
    assertThat(data.releases(5)).isNotEmpty();
  }

  @Test
  void servesTenThousandOrdersOfFiveLinesCheaply() {
    long start = System.nanoTime();
    PurchaseOrderData data =
        new PurchaseOrderData(PlexSandboxConfig.defaults().withPurchaseOrders(10_000));
    long lines =
        data.modifiedBetween(null, null)
            .mapToLong(
                index -> {
                  data.order(index);
                  return data.lineItems(index).size();
                })
            .sum();

    assertThat(lines).isEqualTo(50_000);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
