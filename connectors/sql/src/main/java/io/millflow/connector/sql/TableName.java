package io.millflow.connector.sql;

import io.millflow.step.StepFailure;
import java.util.Locale;

/**
 * A table as {@code schema.table} (in MySQL the schema is the database). Names are folded to lower
 * case, as PostgreSQL does with unquoted names, so {@code Sales.Orders} finds the table a user
 * created with {@code CREATE TABLE sales.orders}, and the same input names the same table in every
 * sink.
 */
public record TableName(String schema, String table) {

  /**
   * {@code table} or {@code schema.table}; used by step inputs' {@code @Pattern} and by {@link
   * #parse}.
   */
  public static final String PATTERN = "(" + Identifiers.NAME + "\\.)?" + Identifiers.NAME;

  /**
   * Reads a step's {@code table} input; a name without a schema goes to {@code defaultSchema}.
   *
   * @throws StepFailure {@code INVALID_TABLE} when the text is not a plain (optionally
   *     schema-qualified) name
   */
  public static TableName parse(String text, String defaultSchema) {
    String trimmed = text.strip();
    if (!trimmed.matches(PATTERN)) {
      throw new StepFailure(
          "INVALID_TABLE",
          "The table '"
              + Identifiers.abbreviate(trimmed)
              + "' is not a valid name:"
              + " use 'table' or 'schema.table' with letters, digits and underscores"
              + " (at most 63 each, not starting with a digit).");
    }
    int dot = trimmed.indexOf('.');
    return dot < 0
        ? of(defaultSchema, trimmed)
        : of(trimmed.substring(0, dot), trimmed.substring(dot + 1));
  }

  public static TableName of(String schema, String table) {
    if (!Identifiers.isValid(schema)) {
      throw new StepFailure(
          "INVALID_SCHEMA",
          "The schema '"
              + schema
              + "' is not a valid name: use letters, digits"
              + " and underscores (at most 63, not starting with a digit) in the connection's settings.");
    }
    if (!Identifiers.isValid(table)) {
      throw new StepFailure(
          "INVALID_TABLE",
          "The table name '"
              + table
              + "' is not valid: use letters, digits and"
              + " underscores (at most 63, not starting with a digit) in the step's 'table' input.");
    }
    return new TableName(schema.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT));
  }

  /**
   * The table next to this one with a suffix: {@code purchase_order} -> {@code
   * purchase_order_line}.
   */
  public TableName withSuffix(String suffix) {
    return of(schema, table + suffix);
  }

  /** {@code "schema"."table"} in the dialect's quotes, for SQL text. */
  public String quoted(SqlDialect dialect) {
    return dialect.quote(schema) + "." + dialect.quote(table);
  }

  /** {@code schema.table}, for messages. */
  @Override
  public String toString() {
    return schema + "." + table;
  }
}
