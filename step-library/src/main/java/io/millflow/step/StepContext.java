package io.millflow.step;

import java.time.Clock;

/**
 * What the engine hands a running step: its run, its connections, the dataset store, a log and a
 * clock.
 */
public interface StepContext {

  String tenantId();

  /** The run (flow instance) this attempt belongs to. */
  String runId();

  /**
   * The named connection, resolved for this tenant with its credentials decrypted.
   *
   * @throws StepFailure with code {@code CONNECTION_NOT_FOUND} when no connection has that name
   */
  Connection connection(String name);

  /**
   * The named connection bound to its connector's record, e.g. {@code context.connection(name,
   * PlexConnection.class)}.
   *
   * @throws StepFailure {@code CONNECTION_NOT_FOUND} when no connection has that name, {@code
   *     WRONG_CONNECTION_TYPE} when it is of another type, {@code CONNECTION_INVALID} when a value
   *     is wrong (naming the field), {@code CONNECTION_INCOMPLETE} when a setting is missing
   * @throws ReauthRequiredException when its credentials are missing
   */
  default <C extends Record> C connection(String name, Class<C> type) {
    return ConnectionKind.of(type).bind(connection(name));
  }

  /**
   * The task this attempt works for: the same across every retry of one task in one run, different
   * for each task (and each pass of a loop). A step whose effect lies outside one database
   * transaction (sending an event, calling an API) derives its idempotency key from it, so a
   * retried attempt does not act twice.
   */
  String taskKey();

  DatasetStore datasets();

  StepLog log();

  /**
   * Reports progress of a long step; {@code total} is -1 when unknown. Also tells the engine the
   * step is alive.
   */
  void progress(long done, long total);

  /**
   * Reports progress as {@link #progress(long, long)} does, with the pages or windows read so far,
   * for a step that reads in batches. Cheap to call once a batch: the engine writes it no more
   * often than records progress.
   */
  default void progress(long done, long total, Batches batches) {
    progress(done, total);
  }

  Clock clock();

  /**
   * Compiles a FEEL expression a step's input gives (written without the leading {@code =}, which
   * would have the engine evaluate it before the step runs), for the step to evaluate over JSON.
   * The engine compiles it with the bounded FEEL it evaluates every user expression with; a context
   * without FEEL refuses.
   *
   * @param role what the expression is to the step (e.g. "recordsExpression"), for messages
   * @throws StepFailure {@code INVALID_EXPRESSION} when it is not valid FEEL, calls Java, or its
   *     loops would run too long; {@code EXPRESSION_UNAVAILABLE} where no FEEL is at hand
   */
  default StepExpression expression(String role, String feel) {
    throw new StepFailure(
        "EXPRESSION_UNAVAILABLE",
        "The " + role + " is FEEL, which this context cannot evaluate: use a JSON pointer.");
  }

  /**
   * Tells the run's ledger what the step did with the records it read, when its output alone cannot
   * say (a transform that rejects or collapses records). A step that never calls it is accounted by
   * its datasets' counts; a source by its {@link ReadResult}, a sink by its {@link WriteResult}.
   */
  default void account(RecordAccount account) {}
}
