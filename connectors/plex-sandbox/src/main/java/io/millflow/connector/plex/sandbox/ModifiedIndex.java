package io.millflow.connector.plex.sandbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The modified dates of one resource's records, by index, spread at random over a period and sorted
 * for window queries (20 bytes a record). A record can be modified later ({@link #touch}): as in
 * Plex, its new date moves it to another window. Touched records are few, so they are kept apart
 * and merged into answers.
 */
final class ModifiedIndex {

  private static final long TICKS_PER_SECOND = 10_000_000L; // Plex's 100 ns precision

  private final int count;
  private final long[] generatedTicks; // by index
  private final int[] byModified; // indexes, oldest generated modification first
  private final long[] sortedTicks; // generatedTicks in the order of byModified, for binary search
  private final Map<Integer, Long> touched = new ConcurrentHashMap<>();

  /**
   * {@code count} dates strictly before {@code end} and not before {@code start}, drawn from {@code
   * random}.
   */
  ModifiedIndex(int count, Instant start, Instant end, SplittableRandom random) {
    this.count = count;
    long endTicks = ticks(end);
    long period = endTicks - ticks(start);
    this.generatedTicks = new long[count];
    for (int i = 0; i < count; i++) {
      generatedTicks[i] =
          endTicks - 1 - random.nextLong(period); // before end: a read up to end gets every record
    }
    this.byModified =
        IntStream.range(0, count)
            .boxed()
            .sorted((a, b) -> compare(a, b))
            .mapToInt(Integer::intValue)
            .toArray();
    this.sortedTicks =
        Arrays.stream(byModified).mapToLong(index -> generatedTicks[index]).toArray();
  }

  int count() {
    return count;
  }

  Instant modified(int index) {
    return instant(ticks(index));
  }

  /**
   * Record {@code index} was modified at {@code when} (its date only moves forward, as an edit's
   * does).
   */
  void touch(int index, Instant when) {
    Objects.checkIndex(index, count);
    touched.merge(index, ticks(when), Math::max);
  }

  /**
   * Indexes of the records modified in {@code [begin, end)}, oldest first, touched ones last; null
   * bounds are open.
   */
  IntStream modifiedBetween(Instant begin, Instant end) {
    long from = begin == null ? Long.MIN_VALUE : ticks(begin);
    long to = end == null ? Long.MAX_VALUE : ticks(end);
    int first = begin == null ? 0 : firstAtOrAfter(from);
    int last = end == null ? count : firstAtOrAfter(to);
    IntStream generated =
        first >= last ? IntStream.empty() : Arrays.stream(byModified, first, last);
    if (touched.isEmpty()) {
      return generated;
    }
    IntStream moved =
        touched.entrySet().stream()
            .filter(entry -> entry.getValue() >= from && entry.getValue() < to)
            .sorted(Map.Entry.comparingByValue())
            .mapToInt(Map.Entry::getKey);
    return Stream.of(generated.filter(index -> !touched.containsKey(index)), moved)
        .flatMapToInt(stream -> stream);
  }

  private long ticks(int index) {
    Long moved = touched.get(index);
    return moved != null ? moved : generatedTicks[index];
  }

  private int compare(int a, int b) {
    int byTime = Long.compare(generatedTicks[a], generatedTicks[b]);
    return byTime != 0 ? byTime : Integer.compare(a, b);
  }

  private int firstAtOrAfter(long ticks) {
    int low = 0, high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sortedTicks[mid] < ticks) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static Instant instant(long ticks) {
    return Instant.ofEpochSecond(
        Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
  }

  private static long ticks(Instant instant) {
    return Math.multiplyExact(instant.getEpochSecond(), TICKS_PER_SECOND) + instant.getNano() / 100;
  }
}
