package io.millflow.engine.port;

/** Runs one service-task attempt and says how it ended; it never talks to the engine itself. */
@FunctionalInterface
public interface TaskHandler {

  AttemptOutcome attempt(ActivatedTask task, TaskLease lease);
}
