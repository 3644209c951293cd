package io.millflow.connector.netsuite.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * When each record of one type was last modified, as a function of the clock: a base time during
 * the history (seeded), and for a share of the records a change every {@code every} seconds from
 * the end of the history on, each at its own phase. Holds 16 bytes a record; answers "which records
 * were modified in [lo, hi) as of now, in (time, index) order" without sorting them all: unchanged
 * records come from a sorted index, changed ones (all after the history) from a short sorted list.
 */
final class Timeline {

  /** Records modified in a window, in (lastmodifieddate, index) order. */
  record Slice(int total, List<Integer> indexes) {}

  private final int count;
  private final long end;
  private final long every;
  private final long[] base;
  private final long[] phase; // -1: never changes
  private final int[] changing;
  private final int[] byBase;
  private final long[] sortedBase;

  Timeline(
      long seed, int count, long historyStart, long historyEnd, double changeShare, long every) {
    this.count = count;
    this.end = historyEnd;
    this.every = every;
    this.base = new long[count];
    this.phase = new long[count];
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      base[i] = historyEnd - 1 - random.nextLong(historyEnd - historyStart);
      boolean changesLater = random.nextDouble() < changeShare;
      phase[i] = changesLater ? random.nextLong(every) : -1;
      if (changesLater) {
        changes.add(i);
      }
    }
    this.changing = changes.stream().mapToInt(Integer::intValue).toArray();
    this.byBase =
        IntStream.range(0, count)
            .boxed()
            .sorted(
                (a, b) ->
                    base[a] != base[b] ? Long.compare(base[a], base[b]) : Integer.compare(a, b))
            .mapToInt(Integer::intValue)
            .toArray();
    this.sortedBase = Arrays.stream(byBase).mapToLong(i -> base[i]).toArray();
  }

  int count() {
    return count;
  }

  /** Epoch second of the record's last modification as of {@code now}. */
  long modified(int index, long now) {
    int version = version(index, now);
    return version == 0 ? base[index] : end + phase[index] + (version - 1) * every;
  }

  /** How many times the record changed after the history, as of {@code now}. */
  int version(int index, long now) {
    long p = phase[index];
    return p < 0 || now < end + p
        ? 0
        : (int) Math.min(Integer.MAX_VALUE, 1 + (now - end - p) / every);
  }

  /** Epoch second of the record's modification within the history (before any later change). */
  long base(int index) {
    return base[index];
  }

  /**
   * Records modified in {@code [lo, hi)} (null: open) as of {@code now}, rows {@code [offset,
   * offset + limit)}.
   */
  Slice window(Long lo, Long hi, long now, int offset, int limit) {
    long from = lo == null ? Long.MIN_VALUE : lo;
    long to = hi == null ? Long.MAX_VALUE : hi;
    BitSet moved = new BitSet(count);
    List<long[]> changed = new ArrayList<>(); // {modified, index} of changed records in the window
    int movedOutOfBase = 0;
    for (int index : changing) {
      if (version(index, now) > 0) {
        moved.set(index);
        if (base[index] >= from && base[index] < to) {
          movedOutOfBase++;
        }
        long modified = modified(index, now);
        if (modified >= from && modified < to) {
          changed.add(new long[] {modified, index});
        }
      }
    }
    changed.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int first = firstAtOrAfter(from);
    int last = firstAtOrAfter(to);
    int total = last - first - movedOutOfBase + changed.size();
    List<Integer> page = new ArrayList<>(Math.min(limit, Math.max(0, total - offset)));
    int skipped = 0;
    for (int position = first; position < last && page.size() < limit; position++) {
      int index = byBase[position];
      if (!moved.get(index) && skipped++ >= offset) {
        page.add(index);
      }
    }
    for (int position = 0; position < changed.size() && page.size() < limit; position++) {
      if (skipped++
          >= offset) { // changed records all come after the history, so after every unchanged one
        page.add((int) changed.get(position)[1]);
      }
    }
    return new Slice(total, page);
  }

  private int firstAtOrAfter(long second) {
    int low = 0;
    int high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sortedBase[mid] < second) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
