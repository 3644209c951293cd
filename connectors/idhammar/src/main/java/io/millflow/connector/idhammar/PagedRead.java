package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    try (DatasetWriter out = context.datasets().create(entity)) {
      Instant cursor = null;
      long calls = 0;
      String next = null;
      do {
        IdhammarPage page = pages.apply(next);
        calls++;
        page.data().forEach(out::add);
        if (cursorField != null && !page.data().isEmpty()) {
          // Lists are ordered by the cursor field, so a page's last row holds its greatest value.
          // Should a server break that order, the cursor only comes out lower, and the next run
          // reads a little again: never a gap.
          Instant last = instant(page.data().getLast(), cursorField, what);
          cursor = cursor == null || last.isAfter(cursor) ? last : cursor;
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
