package io.millflow.step;

/** Log lines of one step attempt, kept in the run history and shown in the designer's run view. */
public interface StepLog {

  void info(String message);

  void warn(String message);

  void error(String message);
}
