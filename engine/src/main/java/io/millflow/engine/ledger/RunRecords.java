package io.millflow.engine.ledger;

/**
 * What a run did with records, from its ledger: read from the systems by its sources, written by
 * its sinks (inserted, updated, found unchanged or kept out as older), and rejected by any step.
 */
public record RunRecords(long read, long written, long rejected) {

  public static final RunRecords NONE = new RunRecords(0, 0, 0);
}
