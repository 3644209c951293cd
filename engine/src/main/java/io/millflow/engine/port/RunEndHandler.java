package io.millflow.engine.port;

/**
 * Told when an instance completed, so the run history ends the run and its cursors advance. Returns
 * {@link AttemptOutcome.Completed} when recorded, {@link AttemptOutcome.HandBack} when the store
 * was unreachable and the engine should tell again later.
 */
@FunctionalInterface
public interface RunEndHandler {

  AttemptOutcome runEnded(String processId, String instanceKey);
}
