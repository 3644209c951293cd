package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import io.millflow.connector.idhammar.sandbox.Plant.Reason;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Production counts and OEE of a machine and period, derived from the downtime timeline so the
 * figures agree: each hour the machine runs for its planned production time (the hour less planned
 * stops) less unplanned stops, makes 75-98 % of its ideal rate in that run time, and rejects or
 * reworks a few percent. Longer periods are sums of their hours; OEE is computed from the sums:
 *
 * <pre>
 * availability = run time / planned production time
 * performance  = (ideal cycle time × total count) / run time, ideal cycle time = 3600 s / ideal rate per hour
 * quality      = good count / total count
 * oee          = availability × performance × quality = ideal cycle time × good count / planned production time
 * </pre>
 *
 * Each is rounded to 4 decimals; a ratio whose denominator is 0 is null.
 */
final class ProductionModel {

  static final int SCALE = 4;

  /** Sums over a period; {@code rejects} is reject count by reason code. */
  record Totals(
      long periodSeconds,
      long plannedDowntime,
      long unplannedDowntime,
      long total,
      long good,
      long reject,
      long rework,
      Map<String, Long> rejects) {

    long plannedProduction() {
      return periodSeconds - plannedDowntime;
    }

    long runTime() {
      return plannedProduction() - unplannedDowntime;
    }
  }

  private final long seed;
  private final DowntimeTimeline timeline;

  ProductionModel(long seed, DowntimeTimeline timeline) {
    this.seed = seed;
    this.timeline = timeline;
  }

  Totals period(Machine machine, long start, long end) {
    long[] sums = new long[6];
    Map<String, Long> rejects = new TreeMap<>();
    for (long hour = start; hour < end; hour += 3_600) {
      Totals one = hour(machine, hour);
      sums[0] += one.plannedDowntime();
      sums[1] += one.unplannedDowntime();
      sums[2] += one.total();
      sums[3] += one.good();
      sums[4] += one.reject();
      sums[5] += one.rework();
      one.rejects().forEach((code, count) -> rejects.merge(code, count, Long::sum));
    }
    return new Totals(end - start, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], rejects);
  }

  private Totals hour(Machine machine, long start) {
    long[] downtime = timeline.downtime(machine, start, start + 3_600);
    long run = 3_600 - downtime[0] - downtime[1];
    SplittableRandom random = Mix.random(seed, 2, machine.index(), start / 3_600);
    double speed = 0.75 + random.nextDouble() * 0.23;
    long total = (long) Math.floor(run * machine.idealRatePerHour() * speed / 3_600);
    long reject = (long) Math.floor(total * random.nextDouble() * 0.04);
    long rework = (long) Math.floor(total * random.nextDouble() * 0.02);
    Reason reason = Plant.REJECT_REASONS.get(random.nextInt(Plant.REJECT_REASONS.size()));
    return new Totals(
        3_600,
        downtime[0],
        downtime[1],
        total,
        total - reject - rework,
        reject,
        rework,
        reject == 0 ? Map.of() : Map.of(reason.code(), reject));
  }

  /**
   * The work order a machine runs during the shift of {@code time}: one order per machine and
   * shift.
   */
  static String orderNo(Machine machine, long time) {
    long shift = Granularity.SHIFT.floor(time) / Granularity.SHIFT.length();
    return Mix.padded("WO-", Math.floorMod(shift * 12 + machine.index(), 10_000_000), 7);
  }

  ObjectNode production(Machine machine, long start, Granularity granularity) {
    Totals totals = period(machine, start, start + granularity.length());
    ObjectNode row =
        period(machine, start, granularity)
            .put("good", totals.good())
            .put("reject", totals.reject())
            .put("rework", totals.rework());
    ArrayNode reasons = row.putArray("rejectReasons");
    totals
        .rejects()
        .forEach(
            (code, count) -> {
              Reason reason =
                  Plant.REJECT_REASONS.stream()
                      .filter(r -> r.code().equals(code))
                      .findFirst()
                      .orElseThrow();
              reasons.addObject().put("code", code).put("text", reason.text()).put("count", count);
            });
    return row.put("updatedAt", DowntimeEventsResource.time(start + granularity.length()));
  }

  ObjectNode oee(Machine machine, long start, Granularity granularity) {
    Totals totals = period(machine, start, start + granularity.length());
    BigDecimal cycle = BigDecimal.valueOf(3_600);
    BigDecimal rate = BigDecimal.valueOf(machine.idealRatePerHour());
    return period(machine, start, granularity)
        .put("plannedTimeSeconds", totals.periodSeconds())
        .put("plannedDowntimeSeconds", totals.plannedDowntime())
        .put("plannedProductionSeconds", totals.plannedProduction())
        .put("unplannedDowntimeSeconds", totals.unplannedDowntime())
        .put("runTimeSeconds", totals.runTime())
        .put("idealRatePerHour", machine.idealRatePerHour())
        .put("totalCount", totals.total())
        .put("goodCount", totals.good())
        .put("rejectCount", totals.reject())
        .put("reworkCount", totals.rework())
        .put(
            "availability", ratio(BigDecimal.valueOf(totals.runTime()), totals.plannedProduction()))
        .put(
            "performance",
            ratio(
                cycle.multiply(BigDecimal.valueOf(totals.total())),
                rate.multiply(BigDecimal.valueOf(totals.runTime()))))
        .put("quality", ratio(BigDecimal.valueOf(totals.good()), totals.total()))
        .put(
            "oee",
            ratio(
                cycle.multiply(BigDecimal.valueOf(totals.good())),
                rate.multiply(BigDecimal.valueOf(totals.plannedProduction()))))
        .put("updatedAt", DowntimeEventsResource.time(start + granularity.length()));
  }

  private static ObjectNode period(Machine machine, long start, Granularity granularity) {
    return Json.mapper()
        .createObjectNode()
        .put("machineId", machine.id())
        .put("lineId", machine.line().id())
        .put("siteId", machine.line().site().id())
        .put("granularity", granularity.apiName())
        .put("periodStart", DowntimeEventsResource.time(start))
        .put("periodEnd", DowntimeEventsResource.time(start + granularity.length()))
        .put("shift", granularity == Granularity.DAY ? null : Plant.shiftAt(start).code())
        .put("orderNo", granularity == Granularity.DAY ? null : orderNo(machine, start));
  }

  private static BigDecimal ratio(BigDecimal numerator, long denominator) {
    return ratio(numerator, BigDecimal.valueOf(denominator));
  }

  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? null
        : numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
  }
}
