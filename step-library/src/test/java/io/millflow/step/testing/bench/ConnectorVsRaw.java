package io.millflow.step.testing.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timing of a read benchmark: a connector's read against a bare loop that makes the same calls,
 * in turn, round after round, so a busy moment on a shared machine hits both; each pair must read
 * the same count.
 */
public final class ConnectorVsRaw {

  /** One way of reading; returns how many records (or lines) it read. */
  @FunctionalInterface
  public interface Read {
    long run() throws Exception;
  }

  /** One round: what each read and how long it took. */
  public record Round(long count, long connectorNanos, long rawNanos) {

    /**
     * This round, when both read {@code expected}.
     *
     * @throws IllegalStateException when they read another count
     */
    public Round expecting(long expected) {
      if (count != expected) {
        throw new IllegalStateException("Read " + count + ", expected " + expected);
      }
      return this;
    }

    /**
     * {@code | count | connector s | count/s | raw s | count/s | connector / raw |}, the row the
     * benchmark tables share.
     */
    public String row() {
      return "| %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |"
          .formatted(
              count,
              connectorNanos / 1e9,
              count / (connectorNanos / 1e9),
              rawNanos / 1e9,
              count / (rawNanos / 1e9),
              (double) connectorNanos / rawNanos);
    }
  }

  private ConnectorVsRaw() {}

  /**
   * {@code rounds} rounds, each the connector then the raw loop.
   *
   * @throws IllegalStateException when the two read different counts
   */
  public static List<Round> rounds(int rounds, Read connector, Read raw) throws Exception {
    List<Round> done = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long started = System.nanoTime();
      long connectorCount = connector.run();
      long connectorNanos = System.nanoTime() - started;
      started = System.nanoTime();
      long rawCount = raw.run();
      long rawNanos = System.nanoTime() - started;
      if (connectorCount != rawCount) {
        throw new IllegalStateException(
            "The connector read " + connectorCount + ", the raw loop " + rawCount);
      }
      done.add(new Round(connectorCount, connectorNanos, rawNanos));
    }
    return done;
  }

  /** The rounds' median times (of an even number, the upper one). */
  public static Round median(List<Round> rounds) {
    return new Round(
        rounds.getFirst().count(),
        median(rounds.stream().mapToLong(Round::connectorNanos).toArray()),
        median(rounds.stream().mapToLong(Round::rawNanos).toArray()));
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
