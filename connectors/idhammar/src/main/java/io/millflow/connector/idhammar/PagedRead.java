package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every page of one list into a new dataset, one page in memory at a time, and keeps the
 * greatest value of the cursor field (an ISO-8601 instant such as {@code updatedAt} or {@code
 * periodEnd}, by which the list is ordered) as the read's cursor.
 */
final class PagedRead {

  private PagedRead() {}

  /**
   * @param pages the page after a cursor (null: the first page)
   * @param cursorField the field whose greatest value becomes the result's cursor, or null for no
   *     cursor
   * @param what how log lines and errors name the rows: {@code downtime events}
   */
  static ReadResult read(
      Function<String, IdhammarPage> pages,
      String entity,
      String cursorField,
      String what,
      StepContext context) {
    return read(
        pages,
        entity,
        cursorField,
        new BoundaryMargin(Duration.ZERO).cursorAt(Instant.MAX),
        null,
        what,
        context);
  }

  /**
   * As above, with the cursor the newest value of {@code cursorField} before {@code settled}'s
   * settle line, never behind {@code given} (the cursor the read started from, if any).
   */
  static ReadResult read(
      Function<String, IdhammarPage> pages,
      String entity,
      String cursorField,
      BoundaryMargin.Cursor settled,
      Instant given,
      String what,
      StepContext context) {
    try (DatasetWriter out = context.datasets().create(entity)) {
      long calls = 0;
      String next = null;
      do {
        IdhammarPage page = pages.apply(next);
        calls++;
        page.data().forEach(out::add);
        if (cursorField != null) {
          seeLastSettled(page.data(), cursorField, settled, what);
        }
        context.progress(out.count(), -1);
        if (page.next() != null && page.next().equals(next)) {
          throw new StepFailure(
              "IDHAMMAR_UNEXPECTED_RESPONSE",
              "Idhammar sent the same 'next' cursor twice while"
                  + " listing "
                  + what
                  + ": the list would never end. Report this to the Idhammar administrator.");
        }
        next = page.next();
      } while (next != null);
      DatasetRef ref = out.finish();
      Instant cursor = cursorField == null ? null : settled.cursor(given);
      context.progress(ref.count(), ref.count());
      context
          .log()
          .info(
              "Read "
                  + ref.count()
                  + " "
                  + what
                  + " in "
                  + calls
                  + " Idhammar calls"
                  + (cursorField == null ? "" : "; cursor " + cursor));
      return ReadResult.withCursor(ref, cursor);
    }
  }

  /**
   * Tells {@code settled} the page's rows from its last back to the last one older than the settle
   * line. Lists are ordered by the cursor field, so that row holds the page's newest settled value;
   * should a server break that order, the cursor only comes out lower, and the next run reads a
   * little again: never a gap.
   */
  private static void seeLastSettled(
      List<ObjectNode> rows, String cursorField, BoundaryMargin.Cursor settled, String what) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      Instant at = instant(rows.get(i), cursorField, what);
      settled.seen(at);
      if (at.isBefore(settled.settleLine())) {
        return;
      }
    }
  }

  private static Instant instant(ObjectNode row, String field, String what) {
    String text = row.path(field).asText(null);
    try {
      if (text != null) {
        return Instant.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new StepFailure(
        "IDHAMMAR_UNEXPECTED_RESPONSE",
        "Idhammar sent one of the "
            + what
            + " (id '"
            + row.path("id").asText(row.path("machineId").asText(""))
            + "') with "
            + field
            + " '"
            + text
            + "', which is not an ISO-8601 timestamp: an incremental read cannot place it.");
  }
}
