package io.millflow.engine.history;

/**
 * The states of a run; stored lower-case. {@code FAILED}: the run can never go on (its engine lost
 * it, or it completed but its ledger does not balance), with the reason; {@code CANCELLED}: an
 * operator cancelled it.
 */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  INCIDENT,
  FAILED,
  CANCELLED;

  public String stored() {
    return name().toLowerCase();
  }
}
