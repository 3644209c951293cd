package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepContext;
import io.millflow.step.write.ParallelCalls;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.ResultsCheckpoint;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import io.millflow.step.write.WriteTally;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What every Plex write step does with a dataset: a dry run writes a {@link WriteDiff} per record
 * and nothing to Plex; a write writes a {@link WriteOutcome} per record (key, outcome, Plex id,
 * Plex's error code and message) and ends in {@code WRITE_REJECTED} above the input's refused
 * share. Up to {@value #WINDOW} records are in flight at once, paced by the connection's rate
 * limiter; answers are kept in the dataset's order, and records of one key are sent one after the
 * other ({@link SameKeyInTurn}). Plex's 429 (and any answer with {@code Retry-After}) is waited out
 * and the record sent again, for up to three minutes in all; past that the step fails retryably,
 * and the retried attempt finds the records already written by their ids ({@link PlexWriteKeys}),
 * or, for a write Plex keeps no id of, in the {@link ResultsCheckpoint}, and sends them no more.
 */
final class PlexRecordWriter {

  /**
   * How long one record may wait out Plex's 429s in all: the records in flight beside it share the
   * connection's limit, so a count of retries would fail a record that is only queued behind them.
   */
  static final Duration MOST_WAITED = Duration.ofMinutes(3);

  /**
   * How many records' calls run at once, ahead of the oldest unanswered one: enough to hide Plex's
   * latency; the connection's rate limiter still paces every call.
   */
  static final int WINDOW = 8;

  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  private static final int PROGRESS_EVERY = 100;

  /** The dataset entity of a dry run's diff. */
  static final String DIFF_ENTITY = "plex.writeDiff";

  /** The dataset entity of a write's per-record results. */
  static final String RESULT_ENTITY = "plex.writeResult";

  private final HttpPlexClientFactory clients;
  private final int window;

  PlexRecordWriter(HttpPlexClientFactory clients) {
    this(clients, WINDOW);
  }

  /** With {@code window} records in flight at most (1: one after the other). */
  PlexRecordWriter(HttpPlexClientFactory clients, int window) {
    this.clients = clients;
    this.window = window;
  }

  RecordWriteResult run(PlexRecordWrite kind, PlexWriteInput input, StepContext context) {
    PlexWriteClient plex =
        clients.writeClient(input.connection(), PlexSteps.connection(context, input.connection()));
    logStart(kind, input, context);
    WriteTally tally = new WriteTally(input.dry());
    ResultsCheckpoint checkpoint =
        input.dry() || !kind.needsCheckpoint()
            ? null
            : ResultsCheckpoint.open(context, "plex." + kind.entity());
    if (checkpoint != null && checkpoint.size() > 0) {
      context
          .log()
          .info(
              "An earlier attempt had "
                  + checkpoint.size()
                  + " Plex "
                  + kind.entity()
                  + " records acknowledged; they are not sent again");
    }
    DatasetRef out;
    try (DatasetWriter writer =
            context.datasets().create(input.dry() ? DIFF_ENTITY : RESULT_ENTITY);
        Stream<ObjectNode> records = context.datasets().read(input.records(), ObjectNode.class);
        ParallelCalls calls = new ParallelCalls()) {
      calls.inOrder(
          new SameKeyInTurn(records.iterator(), input.key()),
          window,
          job -> job.inTurn(() -> one(kind, job, input, plex, checkpoint, context)),
          (job, answer) -> {
            switch (answer) {
              case WriteDiff diff -> tally.count(diff);
              case WriteOutcome outcome -> tally.count(outcome);
              default -> throw new IllegalStateException("Not a write answer: " + answer);
            }
            writer.add(answer);
            if (job.position() % PROGRESS_EVERY == 0) {
              context.progress(job.position(), input.records().count());
            }
          });
      out = writer.finish();
    }
    RecordWriteResult result = tally.result(out);
    logEnd(kind, result, context);
    WriteTally.checkRejectedShare(result, input.rejectedShareLimit(), "Plex");
    return result;
  }

  /** What one record came to: a {@link WriteDiff} for a dry run, else a {@link WriteOutcome}. */
  private static Object one(
      PlexRecordWrite kind,
      SameKeyInTurn.Job job,
      PlexWriteInput input,
      PlexWriteClient plex,
      ResultsCheckpoint checkpoint,
      StepContext context) {
    String key = job.key();
    ObjectNode record = job.record();
    if (key.isBlank() && record.path("id").asText("").isBlank()) {
      String reason = "The record has no '" + input.key() + "' (nor a Plex id): nothing keys it.";
      String position = "#" + job.position();
      return input.dry()
          ? WriteDiff.rejected(position, null, "NO_KEY", reason)
          : WriteOutcome.rejected(position, null, "NO_KEY", reason);
    }
    if (input.dry()) {
      return waitingOutLimits(() -> kind.diff(key, record, plex), context);
    }
    WriteOutcome done = checkpoint == null ? null : checkpoint.done(key).orElse(null);
    if (done != null) {
      return done;
    }
    WriteOutcome outcome = waitingOutLimits(() -> kind.write(key, record, plex), context);
    if (checkpoint != null && !outcome.isRejected()) {
      checkpoint.acknowledged(outcome);
    }
    return outcome;
  }

  /**
   * One record's calls again after Plex's {@code Retry-After}, up to {@link #MOST_WAITED} in all.
   */
  static <T> T waitingOutLimits(java.util.function.Supplier<T> calls, StepContext context) {
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        return calls.get();
      } catch (RetryableStepException e) {
        Duration wait = e.retryAfter().orElse(null);
        if (wait == null
            || wait.compareTo(LONGEST_WAIT) > 0
            || waited.plus(wait).compareTo(MOST_WAITED) > 0) {
          throw e;
        }
        context.log().info("Plex asked to wait " + wait.toMillis() + " ms: " + e.getMessage());
        sleep(wait);
        waited = waited.plus(wait);
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
