package io.millflow.step.write;

/**
 * What a write did with one record: {@code outcome} {@code created}, {@code updated}, {@code
 * unchanged} (the target already held it, nothing sent) or {@code rejected} with the system's own
 * error code and message; {@code targetId} is the record's id in the system. Never holds a
 * credential.
 */
public record WriteOutcome(
    String key, String outcome, String targetId, String errorCode, String message) {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";

  public static WriteOutcome rejected(String key, String targetId, String code, String message) {
    return new WriteOutcome(key, REJECTED, targetId, code, message);
  }

  public boolean isRejected() {
    return REJECTED.equals(outcome);
  }
}
