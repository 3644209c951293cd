package io.millflow.engine.port;

import java.sql.Connection;

/**
 * What Millflow records when an attempt completed (the run history's end of the attempt). It must
 * never say completed for a completion the engine refused, so an adapter writes it either in the
 * engine's own transaction or once the engine took the completion.
 */
public interface CompletionRecord {

  /**
   * Writes, before the engine is asked to take the completion, what may safely be written twice and
   * must be there when the engine tells the instance's end (the attempt's ledger row, which a later
   * attempt at the same task replaces); called by an adapter that cannot write in the engine's
   * transaction. Nothing by default.
   */
  default void beforeCompletion() {}

  /** Writes the record on a connection of its own; called once the engine took the completion. */
  void record();

  /**
   * Writes the record on the engine's connection, inside the transaction that completes the task,
   * so both commit together or not at all; the connection is neither committed nor closed here.
   */
  void record(Connection transaction);
}
