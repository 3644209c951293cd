package io.millflow.connector.netsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The generated data: the same for the same seed, bounded in memory, and changing as the clock
 * moves.
 */
class SandboxDataTest {

  private static final Instant END = NetSuiteSandboxConfig.DEFAULT_DATA_END;

  @Test
  void generatesTheSameRecordsFromTheSameSeedAndOthersFromAnother() {
    NetSuiteSandboxConfig config = NetSuiteSandboxConfig.defaults().withPurchaseOrders(50);
    long now = END.getEpochSecond();

    assertThat(new SandboxData(config).order(7, now))
        .isEqualTo(new SandboxData(config).order(7, now));
    assertThat(new SandboxData(config).line(7, 1, now))
        .isEqualTo(new SandboxData(config).line(7, 1, now));
    assertThat(new SandboxData(config.withSeed(43)).order(7, now))
        .isNotEqualTo(new SandboxData(config).order(7, now));
  }

  @Test
  void averagesAboutFiveLinesAnOrderBetweenOneAndNine() {
    SandboxData data = new SandboxData(NetSuiteSandboxConfig.defaults().withPurchaseOrders(20_000));

    int lines = IntStream.range(0, 20_000).map(data::lineCount).sum();

    assertThat(IntStream.range(0, 20_000).map(data::lineCount))
        .allSatisfy(n -> assertThat(n).isBetween(1, 9));
    assertThat(lines / 20_000.0).isBetween(4.8, 5.2);
  }

  @Test
  void movesTheModifiedDateOfTheChangingShareAsTheClockMoves() {
    SandboxData data =
        new SandboxData(
            NetSuiteSandboxConfig.defaults()
                .withPurchaseOrders(1_000)
                .withChanges(0.1, Duration.ofHours(1)));
    long before = END.getEpochSecond() - 1;
    long later = END.plus(Duration.ofHours(5)).getEpochSecond();

    long changed =
        IntStream.range(0, 1_000)
            .filter(i -> data.orders.modified(i, later) != data.orders.modified(i, before))
            .count();
    long windowAfterEnd = data.orders.window(END.getEpochSecond(), null, later, 0, 1_000).total();

    assertThat(changed).isBetween(60L, 140L).isEqualTo(windowAfterEnd);
    assertThat(IntStream.range(0, 1_000).filter(i -> data.orders.version(i, later) > 0))
        .allSatisfy(
            i -> assertThat(data.orders.modified(i, later)).isBetween(later - 3_600, later));
  }

  @Test
  void pagesAWindowInModifiedOrderWithATotalThatCountsEveryRow() {
    SandboxData data = new SandboxData(NetSuiteSandboxConfig.defaults().withPurchaseOrders(500));
    long now = END.plus(Duration.ofDays(3)).getEpochSecond();

    Timeline.Slice all = data.orders.window(null, null, now, 0, 1_000);
    Timeline.Slice second = data.orders.window(null, null, now, 100, 100);

    assertThat(all.total()).isEqualTo(500);
    assertThat(all.indexes()).doesNotHaveDuplicates().hasSize(500);
    assertThat(second.indexes()).isEqualTo(all.indexes().subList(100, 200));
    assertThat(all.indexes().stream().mapToLong(i -> data.orders.modified(i, now)).toArray())
        .isSorted();
  }
}
