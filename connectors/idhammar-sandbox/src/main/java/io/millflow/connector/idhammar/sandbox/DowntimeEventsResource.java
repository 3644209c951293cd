package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.idhammar.sandbox.DowntimeTimeline.Event;
import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import io.millflow.step.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/downtime-events}: events with {@code updatedAt} in {@code [updatedSince,
 * updatedUntil)}, ordered by {@code (updatedAt, id)}, a page at a time. The cursor is the last
 * row's {@code (updatedAt, id)}, so a page starts strictly after it: an event that changes during a
 * read moves behind the cursor and comes again, never is skipped, and a read with a fixed {@code
 * updatedUntil} in the past sees a list that no longer changes.
 */
final class DowntimeEventsResource {

  static final String CURSOR_KIND = "dt";

  /** One event as of {@code now}, with its {@code updatedAt}. */
  private record Row(Event event, long updatedAt) {}

  private static final Comparator<Row> ORDER =
      Comparator.comparingLong(Row::updatedAt).thenComparing(row -> row.event().id());

  private final DowntimeTimeline timeline;
  private final PlantFilter filter;

  DowntimeEventsResource(DowntimeTimeline timeline, PlantFilter filter) {
    this.timeline = timeline;
    this.filter = filter;
  }

  ObjectNode page(QueryParameters query, long now) {
    Predicate<Machine> machines = filter.machines(query);
    Long since = query.instant("updatedSince");
    Long requestedUntil = query.instant("updatedUntil");
    long until = requestedUntil == null ? now + 1 : Math.min(requestedUntil, now + 1);
    int limit = query.limit();
    PageCursor after = PageCursor.decode(query.text("cursor"), CURSOR_KIND);
    long lowest = after != null ? after.time() : since != null ? since : Long.MIN_VALUE / 4;
    Predicate<Row> wanted =
        row ->
            machines.test(row.event().machine())
                && row.updatedAt() < until
                && (since == null || row.updatedAt() >= since)
                && (after == null || isAfter(row, after));

    // The limit+1 smallest rows; a max-heap, so the largest kept is at hand.
    PriorityQueue<Row> kept = new PriorityQueue<>(ORDER.reversed());
    for (Event event : timeline.created()) {
      offer(kept, new Row(event, event.updatedAt(now)), event.startedBy(now), wanted, limit);
    }
    long first =
        timeline.firstStartingAfter(
            Math.max(lowest - timeline.maxDuration() - 1, timeline.dataStart() - 1));
    for (long index = first; ; index++) {
      long start = timeline.start(index);
      // updatedAt >= start: once a start passes the largest row kept (or the end), no later event
      // can enter
      if (start > now || start >= until || kept.size() > limit && start > kept.peek().updatedAt()) {
        break;
      }
      Event event = timeline.event(index);
      offer(kept, new Row(event, event.updatedAt(now)), true, wanted, limit);
    }
    List<Row> rows = new ArrayList<>(kept);
    rows.sort(ORDER);
    boolean more = rows.size() > limit;
    List<Row> page = more ? rows.subList(0, limit) : rows;
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode data = body.putArray("data");
    page.forEach(row -> data.add(json(row.event(), now)));
    Row last = page.isEmpty() ? null : page.getLast();
    body.put(
        "next",
        more ? new PageCursor(CURSOR_KIND, last.updatedAt(), last.event().id()).encode() : null);
    return body;
  }

  private static void offer(
      PriorityQueue<Row> kept, Row row, boolean started, Predicate<Row> wanted, int limit) {
    if (started && wanted.test(row)) {
      kept.add(row);
      if (kept.size() > limit + 1) {
        kept.poll();
      }
    }
  }

  private static boolean isAfter(Row row, PageCursor after) {
    return row.updatedAt() > after.time()
        || row.updatedAt() == after.time() && row.event().id().compareTo(after.key()) > 0;
  }

  /** The event as the API shows it at {@code now}: no end, duration or close while it lasts. */
  static ObjectNode json(Event event, long now) {
    boolean closed = event.closedBy(now);
    Machine machine = event.machine();
    return Json.mapper()
        .createObjectNode()
        .put("id", event.id())
        .put("machineId", machine.id())
        .put("lineId", machine.line().id())
        .put("siteId", machine.line().site().id())
        .put("startTime", time(event.start()))
        .put("endTime", closed ? time(event.end()) : null)
        .put("durationSeconds", closed ? event.end() - event.start() : null)
        .put("reasonCode", event.reason().code())
        .put("reasonText", event.reason().text())
        .put("category", event.reason().category())
        .put("planned", event.reason().planned())
        .put("shift", Plant.shiftAt(event.start()).code())
        .put("operator", event.operator())
        .put("orderNo", ProductionModel.orderNo(machine, event.start()))
        .put("createdAt", time(event.start()))
        .put("updatedAt", time(event.updatedAt(now)));
  }

  static String time(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
