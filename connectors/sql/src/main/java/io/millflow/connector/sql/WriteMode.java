package io.millflow.connector.sql;

/**
 * How a write step treats rows that already exist. Templates send these lower-case ({@code
 * upsert}); the shared JSON mapper reads enums case-insensitively.
 */
public enum WriteMode {
  /**
   * Adds new records; a record whose key is already stored is left as it is and counted unchanged.
   */
  INSERT,
  /** Adds new records and updates stored ones that changed; the default. */
  UPSERT,
  /** Empties the target tables, then loads the dataset, in the same transaction. */
  REPLACE
}
