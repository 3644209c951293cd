package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import io.millflow.step.write.WriteTally;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * What every Plex write step does with a dataset: one record at a time, a dry run writes a {@link
 * WriteDiff} per record and nothing to Plex; a write writes a {@link WriteOutcome} per record (key,
 * outcome, Plex id, Plex's error code and message) and ends in {@code WRITE_REJECTED} above the
 * input's refused share. Plex's 429 (and any answer with {@code Retry-After}) is waited out and the
 * record sent again, up to {@value #RETRIES} times; past that the step fails retryably, and the
 * retried attempt finds the records already written by their ids ({@link PlexWriteKeys}) and sends
 * them no more.
 */
final class PlexRecordWriter {

  static final int RETRIES = 5;
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  private static final int PROGRESS_EVERY = 100;

  /** The dataset entity of a dry run's diff. */
  static final String DIFF_ENTITY = "plex.writeDiff";

  /** The dataset entity of a write's per-record results. */
  static final String RESULT_ENTITY = "plex.writeResult";

  private final HttpPlexClientFactory clients;

  PlexRecordWriter(HttpPlexClientFactory clients) {
    this.clients = clients;
  }

  RecordWriteResult run(PlexRecordWrite kind, PlexWriteInput input, StepContext context) {
    PlexWriteClient plex =
        clients.writeClient(input.connection(), PlexSteps.connection(context, input.connection()));
    logStart(kind, input, context);
    WriteTally tally = new WriteTally(input.dry());
    DatasetRef out;
    try (DatasetWriter writer =
            context.datasets().create(input.dry() ? DIFF_ENTITY : RESULT_ENTITY);
        Stream<ObjectNode> records = context.datasets().read(input.records(), ObjectNode.class)) {
      Iterator<ObjectNode> iterator = records.iterator();
      long position = 0;
      while (iterator.hasNext()) {
        ObjectNode record = iterator.next();
        String key = record.path(input.key()).asText("");
        position++;
        if (key.isBlank() && record.path("id").asText("").isBlank()) {
          String reason =
              "The record has no '" + input.key() + "' (nor a Plex id): nothing keys it.";
          add(writer, tally, input.dry(), "#" + position, reason);
        } else if (input.dry()) {
          WriteDiff diff = waitingOutLimits(() -> kind.diff(key, record, plex), context);
          tally.count(diff);
          writer.add(diff);
        } else {
          WriteOutcome outcome = waitingOutLimits(() -> kind.write(key, record, plex), context);
          tally.count(outcome);
          writer.add(outcome);
        }
        if (position % PROGRESS_EVERY == 0) {
          context.progress(position, input.records().count());
        }
      }
      out = writer.finish();
    }
    RecordWriteResult result = tally.result(out);
    logEnd(kind, result, context);
    WriteTally.checkRejectedShare(result, input.rejectedShareLimit(), "Plex");
    return result;
  }

  private static void add(
      DatasetWriter writer, WriteTally tally, boolean dry, String key, String reason) {
    if (dry) {
      WriteDiff diff = WriteDiff.rejected(key, null, "NO_KEY", reason);
      tally.count(diff);
      writer.add(diff);
    } else {
      WriteOutcome outcome = WriteOutcome.rejected(key, null, "NO_KEY", reason);
      tally.count(outcome);
      writer.add(outcome);
    }
  }

  /** One record's calls again after Plex's {@code Retry-After}, a few times. */
  static <T> T waitingOutLimits(java.util.function.Supplier<T> calls, StepContext context) {
    for (int attempt = 1; ; attempt++) {
      try {
        return calls.get();
      } catch (RetryableStepException e) {
        Duration wait = e.retryAfter().orElse(null);
        if (wait == null || attempt > RETRIES || wait.compareTo(LONGEST_WAIT) > 0) {
          throw e;
        }
        context.log().info("Plex asked to wait " + wait.toMillis() + " ms: " + e.getMessage());
        sleep(wait);
      }
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while waiting out Plex's rate limit", e);
    }
  }

  private static void logStart(PlexRecordWrite kind, PlexWriteInput input, StepContext context) {
    context
        .log()
        .info(
            (input.dry() ? "Dry run: reading" : "Writing")
                + " Plex "
                + kind.entity()
                + " records keyed by '"
                + input.key()
                + "' from dataset "
                + input.records().dataset()
                + (input.dry() ? ", writing nothing" : ""));
    context
        .log()
        .warn(
            "Assumed where Plex's description is silent (PlexGuesses): "
                + String.join("; ", kind.guesses()));
  }

  private static void logEnd(PlexRecordWrite kind, RecordWriteResult result, StepContext context) {
    context
        .log()
        .info(
            (result.dryRun() ? "Dry run of " : "Wrote ")
                + result.total()
                + " Plex "
                + kind.entity()
                + " records: "
                + result.creates()
                + (result.dryRun() ? " to create, " : " created, ")
                + result.updates()
                + (result.dryRun() ? " to update, " : " updated, ")
                + result.unchanged()
                + " unchanged, "
                + result.rejected()
                + " refused; per record in dataset "
                + result.records().dataset());
  }
}
