package io.millflow.engine.history;

/** The states of a run; stored lower-case. */
public enum RunStatus {
  RUNNING, COMPLETED, INCIDENT;

  public String stored() {
    return name().toLowerCase();
  }
}
