package io.millflow.engine.records;

/**
 * One record a step refuses: {@code reason} says why without the record's values (it groups the
 * rejects), {@code detail} may name them (it goes to the rejects dataset, next to the record).
 */
final class RecordRejected extends RuntimeException {

  private final String reason;

  RecordRejected(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RecordRejected(String reason) {
    this(reason, reason);
  }

  String reason() {
    return reason;
  }
}
