package io.millflow.engine.history;

/** The states of a step attempt; stored lower-case. */
public enum StepStatus {
  /** The attempt is running. */
  RUNNING,
  COMPLETED,
  /** Failed, and Zeebe will try again after a backoff. */
  RETRYING,
  /** Failed with no retries left: an incident. */
  FAILED,
  /** Threw a BPMN error; a boundary event may catch it. */
  ERROR_THROWN,
  /**
   * Its worker went silent (the instance died or hung) and Zeebe handed the job to another worker
   * after the job timeout: recorded when that worker starts its attempt.
   */
  ABANDONED;

  public String stored() {
    return name().toLowerCase();
  }
}
