package io.millflow.engine.flow;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.camunda.zeebe.model.bpmn.util.time.Interval;
import io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval;
import io.camunda.zeebe.model.bpmn.util.time.TimeDateTimer;
import io.millflow.engine.flow.Schedule.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a timer start event fires next, computed the way Zeebe computes it: an ISO-8601 repeating
 * interval ({@code R/PT1H}, {@code R5/2026-12-01T02:00:00Z/P1D}) from its start, or else from when
 * the engine created the timer (the deployment); a cron expression in Spring 5.3 syntax with
 * cron-utils, the library Zeebe uses; a date once.
 */
final class TimerSchedule {

  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

  /** Walking a cycle forward stops here; a one-second cycle deployed a day ago is 86,400 steps. */
  private static final int MAX_STEPS = 1_000_000;

  private TimerSchedule() {}

  static Kind kindOf(String expression, boolean isCycle) {
    String text = expression.strip();
    if (text.startsWith("=")) {
      return Kind.EXPRESSION;
    }
    if (!isCycle) {
      return Kind.DATE;
    }
    return text.startsWith("R") ? Kind.CYCLE : Kind.CRON;
  }

  /**
   * @param timerCreatedAt when the engine created the timer (its deployment), the start of a cycle
   *     without its own
   * @throws IllegalArgumentException when Zeebe would reject the expression too
   */
  static Optional<Instant> nextFire(
      Kind kind, String expression, Instant timerCreatedAt, Instant now) {
    String text = expression.strip();
    return switch (kind) {
      case EXPRESSION -> Optional.empty();
      case DATE ->
          Optional.of(
                  Instant.ofEpochMilli(TimeDateTimer.parse(text).getDueDate(now.toEpochMilli())))
              .filter(due -> due.isAfter(now));
      case CRON ->
          ExecutionTime.forCron(CRON.parse(text))
              .nextExecution(now.atZone(ZoneId.systemDefault()))
              .map(next -> next.toInstant());
      case CYCLE -> nextOfCycle(RepeatingInterval.parse(text), timerCreatedAt, now);
    };
  }

  /**
   * The first fire is the cycle's own start, or one interval after the timer was created; then
   * every interval.
   */
  private static Optional<Instant> nextOfCycle(
      RepeatingInterval cycle, Instant createdAt, Instant now) {
    Interval interval = cycle.getInterval();
    Interval step = new Interval(interval.getPeriod(), interval.getDuration());
    ZonedDateTime due =
        interval
            .getStart()
            .orElseGet(() -> (ZonedDateTime) step.addTo(createdAt.atZone(ZoneOffset.UTC)));
    int fired = 0;
    while (!due.toInstant().isAfter(now)) {
      fired++;
      if ((cycle.getRepetitions() != RepeatingInterval.INFINITE && fired >= cycle.getRepetitions())
          || fired > MAX_STEPS) {
        return Optional.empty();
      }
      due = (ZonedDateTime) step.addTo(due);
    }
    return Optional.of(due.toInstant());
  }
}
