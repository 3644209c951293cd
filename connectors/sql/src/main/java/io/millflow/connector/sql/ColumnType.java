package io.millflow.connector.sql;

/**
 * The kinds of column Millflow creates, independent of a database; a {@link SqlDialect} names each
 * one in its SQL ({@code DECIMAL} is {@code numeric} in PostgreSQL, {@code DECIMAL(38,10)} in
 * MySQL, {@code NUMBER(38,10)} in Snowflake).
 */
public enum ColumnType {
  TEXT,
  INTEGER,
  /** A 64-bit whole number: counts and durations in seconds. */
  BIGINT,
  /** Exact decimals: money and quantities, never a floating-point type. */
  DECIMAL,
  BOOLEAN,
  /** An instant, stored in UTC. */
  TIMESTAMP,
  /** A JSON document: custom fields, raw records, nested values of generic rows. */
  JSON,
  /**
   * When Millflow last inserted or changed the row: not null, filled by the database's clock on
   * write.
   */
  SYNC_TIME
}
