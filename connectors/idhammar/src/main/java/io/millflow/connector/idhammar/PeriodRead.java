package io.millflow.connector.idhammar;

import io.millflow.connector.idhammar.IdhammarClient.PeriodQuery;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The shared run of the two period steps (production counts, OEE): rows of the machines' ended
 * periods within {@code [from, to)}, paged, with the greatest {@code periodEnd} as the cursor.
 * Ended periods do not change, so the next run continues from the cursor without reading a period
 * twice.
 */
final class PeriodRead {

  /** How far back {@code from} reaches when neither the input nor a previous run gives it. */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(7);

  private PeriodRead() {}

  static ReadResult run(
      String name,
      IdhammarConnection connection,
      IdhammarClient client,
      Instant from,
      Instant to,
      String machineId,
      String granularity,
      List<String> granularities,
      int pageSize,
      StepContext context,
      String entity,
      String what,
      BiFunction<PeriodQuery, String, IdhammarPage> list) {
    Instant end = IdhammarSteps.orDefault(to, context.clock().instant());
    Instant start = IdhammarSteps.orDefault(from, end.minus(DEFAULT_LOOKBACK));
    IdhammarSteps.checkPeriod("from", start, "to", end);
    String chosen = IdhammarSteps.orDefault(granularity, granularities.getFirst());
    if (!granularities.contains(chosen)) {
      throw new StepFailure(
          "INVALID_INPUT",
          "granularity must be one of "
              + String.join(", ", granularities)
              + ", not '"
              + chosen
              + "'.");
    }
    String machine = machineId == null || machineId.isBlank() ? null : machineId.strip();
    PeriodQuery query = new PeriodQuery(start, end, chosen, machine, connection.siteId(), pageSize);
    context
        .log()
        .info(
            "Reading Idhammar "
                + what
                + " per "
                + chosen
                + " in ["
                + start
                + ", "
                + end
                + ") from '"
                + name
                + "'"
                + (machine == null ? "" : " of machine " + machine));
    return PagedRead.read(cursor -> list.apply(query, cursor), entity, "periodEnd", what, context);
  }
}
