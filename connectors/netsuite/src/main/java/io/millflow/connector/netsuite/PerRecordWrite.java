package io.millflow.connector.netsuite;

/**
 * What a NetSuite write step does with one planned record: write it and say what happened, or, in a
 * dry run, read NetSuite and say what a write would do. Called from several threads at once.
 */
interface PerRecordWrite<T> {

  /** How the step log names the write, e.g. "Upserting". */
  String verb();

  UpsertOutcome write(WritePlan<T> plan, NetSuiteClient client);

  UpsertDiff diff(WritePlan<T> plan, NetSuiteClient client);
}
