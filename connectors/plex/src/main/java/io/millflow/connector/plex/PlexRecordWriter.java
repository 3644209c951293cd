package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import io.millflow.step.write.ParallelCalls;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.ResultsCheckpoint;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import io.millflow.step.write.WriteTally;
import java.util.stream.Stream;

/**
 * What every Plex write step does with a dataset: a dry run writes a {@link WriteDiff} per record
 * and nothing to Plex; a write writes a {@link WriteOutcome} per record (key, outcome, Plex id,
 * Plex's error code and message) and ends in {@code WRITE_REJECTED} above the input's refused
 * share. Up to {@value #WINDOW} records are in flight at once, paced by the connection's rate
 * limiter; answers are kept in the dataset's order, and records of one key are sent one after the
 * other ({@link SameKeyInTurn}). Plex's 429 (and any answer with {@code Retry-After}) is waited out
 * and the call sent again ({@link LimitWaitingWriteClient}); past that the step fails retryably,
 * and the retried attempt finds the records already written by their ids ({@link PlexWriteKeys}),
 * or, for a write Plex keeps no id of, in the {@link ResultsCheckpoint}, and sends them no more.
 */
final class PlexRecordWriter {

  /**
   * How many records' calls run at once, ahead of the oldest unanswered one: enough to hide Plex's
   * latency; the connection's rate limiter still paces every call.
   */
  static final int WINDOW = 8;

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
        new LimitWaitingWriteClient(
            clients.writeClient(
                input.connection(), PlexSteps.connection(context, input.connection())),
            context);
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
    PlexReferences references = new PlexReferences(plex);
    DatasetRef out;
    try (DatasetWriter writer =
            context.datasets().create(input.dry() ? DIFF_ENTITY : RESULT_ENTITY);
        Stream<ObjectNode> records = context.datasets().read(input.records(), ObjectNode.class);
        ParallelCalls calls = new ParallelCalls()) {
      calls.inOrder(
          new SameKeyInTurn(records.iterator(), input.key()),
          window,
          job -> job.inTurn(() -> one(kind, job, input, plex, references, checkpoint, context)),
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
      PlexReferences references,
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
      return kind.diff(key, record, plex, references);
    }
    WriteOutcome done = checkpoint == null ? null : checkpoint.done(key).orElse(null);
    if (done != null) {
      return done;
    }
    WriteOutcome outcome = kind.write(key, record, plex);
    if (checkpoint != null && !outcome.isRejected()) {
      checkpoint.acknowledged(outcome);
    }
    return outcome;
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
