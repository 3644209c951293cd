package io.millflow.connector.netsuite;

/**
 * What a write did with one record: {@code outcome} {@code upserted} (or {@code created}, {@code
 * updated}, {@code received}, or {@code unchanged} when there was nothing to write) with NetSuite's
 * internal id, or {@code rejected} with NetSuite's {@code o:errorCode} (or {@code
 * INVALID_EXTERNAL_ID} when the record has no usable external id) and message.
 */
public record UpsertOutcome(
    String key,
    String externalId,
    String outcome,
    String internalId,
    String errorCode,
    String message) {

  /** The dataset entity of a write's per-record results. */
  public static final String ENTITY = "netsuite.upsertResult";

  static final String UPSERTED = "upserted";
  static final String CREATED = "created";
  static final String UPDATED = "updated";
  static final String RECEIVED = "received";

  /** Nothing to write: the record already is as asked (a receipt already made). */
  static final String UNCHANGED = "unchanged";

  static final String REJECTED = "rejected";
}
