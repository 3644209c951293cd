package io.millflow.connector.netsuite;

/**
 * How a write step sends each record: {@code PUT {type}/eid:...} (upsert), {@code POST {type}} with
 * the external id in the body (create: a dry run refuses records that exist), or {@code PATCH
 * {type}/eid:...} (update: a dry run refuses records that do not).
 */
enum WriteMode {
  UPSERT("Upserting", UpsertOutcome.UPSERTED),
  CREATE("Creating", UpsertOutcome.CREATED),
  UPDATE("Updating", UpsertOutcome.UPDATED);

  private final String verb;
  private final String outcome;

  WriteMode(String verb, String outcome) {
    this.verb = verb;
    this.outcome = outcome;
  }

  /** How the step log names the write: "Upserting", "Creating", "Updating". */
  String verb() {
    return verb;
  }

  /** The per-record outcome of a record written this way. */
  String outcome() {
    return outcome;
  }
}
