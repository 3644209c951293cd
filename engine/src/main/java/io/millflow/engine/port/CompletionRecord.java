package io.millflow.engine.port;

import java.sql.Connection;

/**
 * What Millflow records when an attempt completed (the run history's end of the attempt). It must never say completed
 * for a completion the engine refused, so an adapter writes it either in the engine's own transaction or once the
 * engine took the completion.
 */
public interface CompletionRecord {

  /** Writes the record on a connection of its own; called once the engine took the completion. */
  void record();

  /**
   * Writes the record on the engine's connection, inside the transaction that completes the task, so both commit
   * together or not at all; the connection is neither committed nor closed here.
   */
  void record(Connection transaction);
}
