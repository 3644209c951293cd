package io.millflow.step.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a dry run found for one record of a write to a system: {@code action} {@code create}, {@code
 * update} (with the fields that would change, old and new), {@code unchanged} or {@code rejected}
 * (with the code and reason the system would give, as far as a read can tell). System-neutral: a
 * connector's write step writes one per input record into its diff dataset.
 */
public record WriteDiff(
    String key,
    String action,
    String targetId,
    List<FieldChange> changes,
    String errorCode,
    String reason) {

  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";

  public WriteDiff {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** {@code create}, or {@code update}/{@code unchanged} of {@code targetId} by its changes. */
  public static WriteDiff of(String key, String targetId, List<FieldChange> changes) {
    String action = targetId == null ? CREATE : changes.isEmpty() ? UNCHANGED : UPDATE;
    return new WriteDiff(key, action, targetId, changes, null, null);
  }

  public static WriteDiff rejected(String key, String targetId, String code, String reason) {
    return new WriteDiff(key, REJECTED, targetId, List.of(), code, reason);
  }

  /**
   * One field that would change: its value in the system now (null: none) and the one written
   * (null: a value, or a sublist line, the write removes).
   */
  public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {

    public FieldChange {
      oldValue = oldValue == null || oldValue.isNull() ? null : oldValue; // JSON null reads back so
      newValue = newValue == null || newValue.isNull() ? null : newValue;
    }
  }
}
