package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a dry run found for one record: {@code action} is {@code create}, {@code update} (with the
 * fields that would change, old and new), {@code unchanged} or {@code rejected} (with the code and
 * reason NetSuite would give, as far as a read can tell).
 */
public record UpsertDiff(
    String key,
    String externalId,
    String action,
    String internalId,
    List<FieldChange> changes,
    String errorCode,
    String reason) {

  /** The dataset entity of a dry run's diff. */
  public static final String ENTITY = "netsuite.upsertDiff";

  public UpsertDiff {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /**
   * One field that would change: its value in NetSuite now (null: none) and the one written (null:
   * a sublist line the write removes).
   */
  public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {

    public FieldChange {
      oldValue = oldValue == null || oldValue.isNull() ? null : oldValue; // JSON null reads back so
      newValue = newValue == null || newValue.isNull() ? null : newValue;
    }
  }
}
