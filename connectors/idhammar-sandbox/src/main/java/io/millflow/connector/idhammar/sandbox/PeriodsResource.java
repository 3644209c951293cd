package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import io.millflow.step.Json;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/production-counts} and {@code GET /api/v1/oee}: one row per machine and period
 * that lies wholly within {@code [from, to)} and has ended, ordered by period start, then machine.
 * Ended periods never change, so the cursor (the next row's period and machine) stays valid however
 * long a read takes.
 */
final class PeriodsResource {

  /** Makes the row of one machine and period. */
  @FunctionalInterface
  interface Rows {
    ObjectNode row(Machine machine, long periodStart, Granularity granularity);
  }

  /** How far back {@code from} reaches when not given. */
  static final long DEFAULT_RANGE_SECONDS = 7 * 86_400;

  private final Plant plant;
  private final long dataStart;
  private final PlantFilter filter;
  private final Rows rows;
  private final Granularity[] allowed;

  PeriodsResource(
      Plant plant, long dataStart, PlantFilter filter, Rows rows, Granularity... allowed) {
    this.plant = plant;
    this.dataStart = dataStart;
    this.filter = filter;
    this.rows = rows;
    this.allowed = allowed;
  }

  ObjectNode page(QueryParameters query, long now) {
    Granularity granularity = Granularity.parse(query, allowed);
    Predicate<Machine> machines = filter.machines(query);
    Long requestedTo = query.instant("to");
    long to = requestedTo == null ? now : Math.min(requestedTo, now);
    Long from = query.instant("from");
    if (from != null && requestedTo != null && from > requestedTo) {
      throw new BadRequest(
          "invalid_parameter",
          "Parameter 'from' is after 'to': give a period that ends after it" + " begins.");
    }
    int limit = query.limit();
    String kind = "p" + granularity.apiName();
    PageCursor cursor = PageCursor.decode(query.text("cursor"), kind);
    long period =
        cursor != null
            ? cursor.time()
            : granularity.alignUp(
                Math.max(from == null ? to - DEFAULT_RANGE_SECONDS : from, dataStart));
    int machine = cursor != null ? parseMachine(cursor) : 0;
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode data = body.putArray("data");
    String next = null;
    for (;
        period + granularity.length() <= to && next == null;
        period += granularity.length(), machine = 0) {
      for (; machine < plant.machineCount(); machine++) {
        if (!machines.test(plant.machine(machine))) {
          continue;
        }
        if (data.size() == limit) {
          next = new PageCursor(kind, period, Integer.toString(machine)).encode();
          break;
        }
        data.add(rows.row(plant.machine(machine), period, granularity));
      }
    }
    body.put("next", next);
    return body;
  }

  private int parseMachine(PageCursor cursor) {
    try {
      int machine = Integer.parseInt(cursor.key());
      if (machine >= 0 && machine < plant.machineCount()) {
        return machine;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(
        "invalid_cursor",
        "Parameter 'cursor' is not a cursor of this list: pass the 'next' value"
            + " of the previous page unchanged.");
  }
}
