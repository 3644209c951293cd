package io.millflow.steps;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the older duplicates of a key among the records of one run, by their place in the output:
 * the newest by source updated-at wins, the later one on a tie, and a version without updated-at
 * never beats one with it: the rule the sinks' upserts apply.
 */
final class NewestPerKey {

  private record Version(long index, Instant updatedAt) {}

  private final Map<String, Version> newest = new HashMap<>();
  private final Set<Long> superseded = new HashSet<>();

  /** The record at {@code index} of the output has this key and version. */
  void offer(String key, Instant updatedAt, long index) {
    Version incoming = new Version(index, updatedAt);
    Version earlier = newest.putIfAbsent(key, incoming);
    if (earlier == null) {
      return;
    }
    boolean earlierWins =
        earlier.updatedAt != null && (updatedAt == null || updatedAt.isBefore(earlier.updatedAt));
    if (earlierWins) {
      superseded.add(index);
    } else {
      superseded.add(earlier.index);
      newest.put(key, incoming);
    }
  }

  long collapsed() {
    return superseded.size();
  }

  boolean isSuperseded(long index) {
    return superseded.contains(index);
  }
}
