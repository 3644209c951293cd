package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.SuiteQlTimes;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.time.Instant;

/**
 * A SuiteQL read's input with its defaults applied and checked: records modified in {@code [since,
 * until)}, whole seconds (NetSuite's precision), {@code pageSize} rows a call; the cursor it
 * returns ({@link BoundaryMargin}) and the {@code since} it was given, if any.
 */
record ReadPlan(
    String connection,
    Instant since,
    Instant until,
    int pageSize,
    Instant givenSince,
    BoundaryMargin.Cursor cursor) {

  /** Far enough back to mean "everything" for any NetSuite account. */
  static final Instant DEFAULT_SINCE = Instant.parse("2000-01-01T00:00:00Z");

  static final int MAX_PAGE_SIZE = 1_000;

  static ReadPlan of(
      String connection,
      Instant since,
      Instant until,
      Integer pageSize,
      BoundaryMargin margin,
      StepContext context) {
    if (connection == null || connection.isBlank()) {
      throw new StepFailure("INVALID_INPUT", "Name the NetSuite connection to read from.");
    }
    Instant from = SuiteQlTimes.truncate(since == null ? DEFAULT_SINCE : since);
    Instant to = SuiteQlTimes.truncate(until == null ? context.clock().instant() : until);
    if (from.isAfter(to)) {
      throw new StepFailure(
          "INVALID_INPUT",
          "modifiedSince "
              + from
              + " is after modifiedUntil "
              + to
              + ": nothing can have been modified in between.");
    }
    int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new StepFailure(
          "INVALID_INPUT",
          "pageSize must be between 1 and "
              + MAX_PAGE_SIZE
              + " (NetSuite's largest page), not "
              + size
              + ".");
    }
    return new ReadPlan(
        connection,
        from,
        to,
        size,
        since == null ? null : from,
        margin.cursorAt(context.clock().instant()));
  }
}
