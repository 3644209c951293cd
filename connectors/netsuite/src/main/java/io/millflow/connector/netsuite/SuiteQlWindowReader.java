package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.NetSuiteClient.SuiteQlPage;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.connector.netsuite.protocol.SuiteQlTimes;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.StepFailure;
import io.millflow.step.StepLog;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every record of an entity modified in {@code [since, until)} through SuiteQL, past
 * NetSuite's ceiling of 100,000 results a query, without missing or repeating a record. Not
 * thread-safe; one per run.
 *
 * <p>The query orders by {@code lastmodifieddate, id} and is paged with limit and offset. A query
 * reaches at most {@code suiteQlResultLimit} rows, so when the offset gets there the reader starts
 * a new window at the last {@code lastmodifieddate} it read and skips the rows it already has
 * (those not after the last (date, id) read). The same restart handles records that change during
 * the read: since {@code until} is in the past, a change moves a record out of the window, the
 * query's {@code totalResults} drops, and the rows behind shift to lower offsets; the reader
 * notices the drop and restarts at its last position rather than skip the shifted rows.
 */
final class SuiteQlWindowReader {

  private record Position(Instant modified, long id) {
    boolean isBefore(Position other) {
      int byTime = modified.compareTo(other.modified);
      return byTime < 0 || byTime == 0 && id < other.id;
    }
  }

  private final NetSuiteClient client;
  private final SuiteQlEntity entity;
  private final ZoneId zone;
  private final int ceiling;
  private final StepLog log;
  private final BoundaryMargin.Cursor settled;
  private Position last;
  private long calls;
  private long restarts;

  SuiteQlWindowReader(
      NetSuiteClient client,
      SuiteQlEntity entity,
      NetSuiteConnectionSettings settings,
      BoundaryMargin.Cursor settled,
      StepLog log) {
    this.settled = settled;
    this.client = client;
    this.entity = entity;
    this.zone = settings.timeZone();
    this.ceiling = settings.suiteQlResultLimit();
    this.log = log;
  }

  /** Hands each page's new rows, oldest first, to {@code sink}. */
  void read(Instant since, Instant until, int pageSize, Consumer<List<ObjectNode>> sink) {
    if (pageSize > ceiling) {
      throw new StepFailure(
          "INVALID_INPUT",
          "pageSize "
              + pageSize
              + " is above the connection's suiteQlResultLimit "
              + ceiling
              + ": lower it.");
    }
    Instant windowStart = since;
    while (true) {
      Instant restartAt = readWindow(windowStart, until, pageSize, sink);
      if (restartAt == null) {
        return;
      }
      restarts++;
      windowStart = restartAt;
    }
  }

  /** The greatest lastmodifieddate read, or null when nothing was. */
  Instant cursor() {
    return last == null ? null : last.modified();
  }

  long calls() {
    return calls;
  }

  long restarts() {
    return restarts;
  }

  /**
   * Reads one query's pages; returns where the next window starts, or null when the period is read.
   */
  private Instant readWindow(
      Instant start, Instant until, int pageSize, Consumer<List<ObjectNode>> sink) {
    String query = entity.windowQuery(start, until, zone);
    int total = -1;
    for (int offset = 0; ; ) {
      SuiteQlPage page = client.suiteQl(query, pageSize, offset);
      calls++;
      if (total >= 0 && page.totalResults() >= 0 && page.totalResults() < total) {
        log.info(
            "The "
                + entity.recordType()
                + " window from "
                + start
                + " shrank from "
                + total
                + " to "
                + page.totalResults()
                + " records while it was read (records changed): continuing after the last one read");
        return restartAt(start);
      }
      total = page.totalResults();
      emit(page.items(), sink);
      if (!page.hasMore() || page.items().isEmpty()) {
        return null;
      }
      offset += pageSize; // NetSuite wants offsets that are multiples of the limit
      if (offset + pageSize > ceiling) {
        log.info(
            "The "
                + entity.recordType()
                + " window from "
                + start
                + " reached NetSuite's "
                + ceiling
                + "-result ceiling of a query: continuing from "
                + last.modified());

        if (!last.modified().isAfter(start)) {
          throw new StepFailure(
              "NETSUITE_TOO_MANY_AT_ONCE",
              "More than "
                  + ceiling
                  + " "
                  + entity.recordType()
                  + " records have lastModifiedDate "
                  + start
                  + ": SuiteQL cannot page past them. Read them with a"
                  + " saved search or SuiteAnalytics Connect.");
        }
        return last.modified();
      }
    }
  }

  private Instant restartAt(Instant start) {
    return last == null || last.modified().isBefore(start) ? start : last.modified();
  }

  private void emit(List<ObjectNode> rows, Consumer<List<ObjectNode>> sink) {
    List<ObjectNode> fresh = new ArrayList<>(rows.size());
    for (ObjectNode row : rows) {
      Position position = position(row);
      if (last == null || last.isBefore(position)) {
        fresh.add(row);
        last = position;
        settled.seen(position.modified());
      }
    }
    if (!fresh.isEmpty()) {
      sink.accept(fresh);
    }
  }

  private Position position(ObjectNode row) {
    String id = row.path("id").asText("");
    String modified = row.path(SuiteQlEntity.LAST_MODIFIED).asText("");
    try {
      return new Position(SuiteQlTimes.parse(modified, zone), Long.parseLong(id));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new StepFailure(
          "NETSUITE_UNEXPECTED_RESPONSE",
          "NetSuite sent a "
              + entity.recordType()
              + " row with id '"
              + id
              + "' and lastmodifieddate '"
              + modified
              + "': an incremental read needs a numeric id and a datetime"
              + " in the format "
              + NetSuiteGuesses.DATETIME_FORMAT
              + ". Check the connection's timeZone.",
          e);
    }
  }
}
