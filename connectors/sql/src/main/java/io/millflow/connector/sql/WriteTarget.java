package io.millflow.connector.sql;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepFailure;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where and how one run of a SQL write step writes: the table, the mode, the key columns; checked
 * from the step's inputs before any database work, the same way in every SQL sink.
 */
public record WriteTarget(
    TableName table, WriteMode mode, List<String> keyColumns, Optional<EntityLayout<?>> layout) {

  /** The {@code keyFields} input: comma-separated field names. */
  public static final String KEY_FIELDS =
      "\\s*" + Identifiers.NAME + "(\\s*,\\s*" + Identifiers.NAME + ")*\\s*";

  /**
   * @param table the step's {@code table} input, or null/blank for the entity's snake_case name
   * @param mode the step's mode, or null for upsert
   * @param keyFields the step's {@code keyFields} input, or null
   * @param entity the dataset's entity
   * @param defaultSchema where a table named without a schema goes
   */
  public static WriteTarget of(
      String table, WriteMode mode, String keyFields, String entity, String defaultSchema) {
    Optional<EntityLayout<?>> layout = EntityLayout.forEntity(entity);
    WriteMode effectiveMode = mode == null ? WriteMode.UPSERT : mode;
    TableName tableName =
        table == null || table.isBlank()
            ? TableName.of(defaultSchema, Identifiers.snakeCase(entity))
            : TableName.parse(table, defaultSchema);
    List<String> keys = keyColumns(keyFields);
    if (layout.isPresent() && !keys.isEmpty() && !keys.equals(EntityLayout.KEY)) {
      throw new StepFailure(
          "INVALID_KEY_FIELDS",
          entity
              + " records are always keyed by their 'key'"
              + (entity.equals(PurchaseOrder.ENTITY) ? " (lines by order key and line number)" : "")
              + ": leave the step's 'keyFields' empty.");
    }
    if (layout.isEmpty() && keys.isEmpty() && effectiveMode == WriteMode.UPSERT) {
      throw new StepFailure(
          "MISSING_KEY_FIELDS",
          "Upserting '"
              + entity
              + "' records into "
              + tableName
              + " needs"
              + " the fields that identify a record: set the step's 'keyFields' (for example: id), or choose mode"
              + " insert or replace.");
    }
    return new WriteTarget(
        tableName, effectiveMode, layout.isPresent() ? EntityLayout.KEY : keys, layout);
  }

  /** Whether the records are unified purchase orders, which have a line table besides their own. */
  public boolean isPurchaseOrder() {
    return layout.filter(entity -> entity.type() == PurchaseOrder.class).isPresent();
  }

  private static List<String> keyColumns(String keyFields) {
    if (keyFields == null || keyFields.isBlank()) {
      return List.of();
    }
    if (!keyFields.matches(KEY_FIELDS)) {
      throw new StepFailure(
          "INVALID_KEY_FIELDS",
          "The step's 'keyFields' must be comma-separated field names"
              + " (letters, digits, underscores), for example: order_id, line_number.");
    }
    return Arrays.stream(keyFields.split(","))
        .map(String::strip)
        .map(Identifiers::snakeCase)
        .distinct()
        .toList();
  }
}
