package io.millflow.connector.idhammar.sandbox;

import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import io.millflow.connector.idhammar.sandbox.Plant.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Every downtime event of the plant, computed from its index, never stored: event {@code i} belongs
 * to machine {@code i mod 12} and starts {@code i} spacings after the data start (plus a jitter
 * under half a spacing), so starts rise with the index and a time maps to an index range by
 * arithmetic. An event lasts less than the eleven spacings before its machine's next event, so one
 * machine's generated events never overlap.
 *
 * <p>An event exists once its start has passed; it is open (no end) until its end passes. Its
 * {@code updatedAt} is its start while open and its end once closed: as the clock moves, events
 * appear and close and their {@code updatedAt} moves, which is what an incremental read must pick
 * up. Events created through the admin endpoint are kept in a (small) list and follow the same
 * rules.
 */
final class DowntimeTimeline {

  /**
   * One event; times in epoch seconds; {@code end} is when it ends, known in advance but hidden
   * until it passes.
   */
  record Event(
      String id,
      long index,
      Machine machine,
      long start,
      long end,
      Reason reason,
      String operator) {

    boolean startedBy(long now) {
      return start <= now;
    }

    boolean closedBy(long now) {
      return end <= now;
    }

    long updatedAt(long now) {
      return closedBy(now) ? end : start;
    }
  }

  private static final double PLANNED_SHARE = 0.3;
  private static final List<Reason> PLANNED =
      Plant.DOWNTIME_REASONS.stream().filter(Reason::planned).toList();
  private static final List<Reason> UNPLANNED =
      Plant.DOWNTIME_REASONS.stream().filter(reason -> !reason.planned()).toList();

  private final long seed;
  private final Plant plant;
  private final long spacing;
  private final long dataStart;
  private final long maxDuration;
  private final List<Event> created = new CopyOnWriteArrayList<>();

  /**
   * The first {@code events} events have started by {@code anchor} (epoch seconds), the next not
   * yet.
   */
  DowntimeTimeline(long seed, Plant plant, long spacingSeconds, long anchor, int events) {
    this.seed = seed;
    this.plant = plant;
    this.spacing = spacingSeconds;
    this.dataStart = anchor - events * spacingSeconds;
    this.maxDuration = (plant.machineCount() - 1) * spacingSeconds;
  }

  long dataStart() {
    return dataStart;
  }

  /**
   * The longest an event can last: an event updated at {@code t} started after {@code t -
   * maxDuration()}.
   */
  long maxDuration() {
    return maxDuration;
  }

  long start(long index) {
    // at least one second in: at the anchor exactly the configured number of events has started
    return dataStart + index * spacing + 1 + random(index).nextLong(spacing / 2 - 1);
  }

  Event event(long index) {
    SplittableRandom random = random(index);
    long start = dataStart + index * spacing + 1 + random.nextLong(spacing / 2 - 1);
    double u = random.nextDouble();
    long duration = 60 + (long) (u * u * u * (maxDuration - 60));
    List<Reason> reasons = random.nextDouble() < PLANNED_SHARE ? PLANNED : UNPLANNED;
    Reason reason = reasons.get(random.nextInt(reasons.size()));
    String operator = Plant.OPERATORS[random.nextInt(Plant.OPERATORS.length)];
    return new Event(
        Mix.padded("DT-", index, 9),
        index,
        plant.machine((int) (index % plant.machineCount())),
        start,
        start + duration,
        reason,
        operator);
  }

  /** The smallest index whose event starts after {@code time}. */
  long firstStartingAfter(long time) {
    long index = Math.max(0, Math.floorDiv(time - dataStart, spacing) - 1);
    while (start(index) <= time) {
      index++;
    }
    return index;
  }

  /** Calls {@code action} with each generated index whose event starts in {@code (after, upTo]}. */
  void forEachStartingIn(long after, long upTo, LongConsumer action) {
    for (long index = firstStartingAfter(after); start(index) <= upTo; index++) {
      action.accept(index);
    }
  }

  /** Events created by hand, oldest first. */
  List<Event> created() {
    return created;
  }

  /**
   * Creates an event of {@code machine} from {@code start} for {@code seconds}; the caller pushes
   * it.
   */
  Event create(Machine machine, Reason reason, long start, long seconds) {
    synchronized (created) {
      Event event =
          new Event(
              Mix.padded("DTX-", created.size() + 1, 6),
              -1,
              machine,
              start,
              start + seconds,
              reason,
              "Sandbox admin");
      created.add(event);
      return event;
    }
  }

  /**
   * The planned and unplanned downtime of {@code machine} within {@code [from, to)} (epoch seconds,
   * {@code to} not after now), as {@code {planned, unplanned}} seconds. Overlapping events (a
   * hand-made one over a generated one) count once, a planned stop before an unplanned one.
   */
  long[] downtime(Machine machine, long from, long to) {
    List<long[]> planned = new ArrayList<>();
    List<long[]> all = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (long index = firstStartingAfter(from - maxDuration - 1); start(index) < to; index++) {
      if (index % plant.machineCount() == machine.index()) {
        events.add(event(index));
      }
    }
    created.stream().filter(event -> event.machine() == machine).forEach(events::add);
    for (Event event : events) {
      long start = Math.max(from, event.start());
      long end = Math.min(to, event.end());
      if (start < end) {
        all.add(new long[] {start, end});
        if (event.reason().planned()) {
          planned.add(new long[] {start, end});
        }
      }
    }
    long plannedSeconds = unionLength(planned);
    return new long[] {plannedSeconds, unionLength(all) - plannedSeconds};
  }

  private static long unionLength(List<long[]> intervals) {
    intervals.sort((a, b) -> Long.compare(a[0], b[0]));
    long length = 0;
    long reach = Long.MIN_VALUE;
    for (long[] interval : intervals) {
      long start = Math.max(interval[0], reach);
      if (interval[1] > start) {
        length += interval[1] - start;
        reach = interval[1];
      }
    }
    return length;
  }

  private SplittableRandom random(long index) {
    return Mix.random(seed, 1, index, 0);
  }
}
