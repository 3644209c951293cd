package io.millflow.connector.postgres;

import io.millflow.step.StepFailure;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQL identifiers: the only way names reach SQL text. Every name is checked against {@link #NAME} and double-quoted, so
 * user input can never change a statement's shape.
 */
final class Identifiers {

  /** An unquoted PostgreSQL name, as users type it; PostgreSQL keeps at most 63 bytes of a name. */
  static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}";

  private static final Pattern VALID = Pattern.compile(NAME);
  private static final Pattern LOWER_TO_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM_END = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^a-z0-9_]+");

  private Identifiers() {}

  static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * {@code "name"}, with embedded quotes doubled. Names are checked before they get here; quoting is the second fence.
   */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "a", "b", "c"}. */
  static String list(List<String> names) {
    return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
  }

  /** {@code t."a", t."b"}: columns of a table alias. */
  static String list(String alias, List<String> names) {
    return names.stream().map(name -> alias + "." + quote(name)).collect(Collectors.joining(", "));
  }

  /** {@code "a" = excluded."a", ...}: the SET list of an upsert. */
  static String assignmentsFromExcluded(List<String> names) {
    return names.stream().map(name -> quote(name) + " = excluded." + quote(name)).collect(Collectors.joining(", "));
  }

  /**
   * The snake_case column name of a JSON field or an entity: {@code orderNumber} -> {@code order_number},
   * {@code OrderID} -> {@code order_id}, {@code plex.purchaseOrder} -> {@code plex_purchase_order}.
   */
  static String snakeCase(String name) {
    String split = ACRONYM_END.matcher(LOWER_TO_UPPER.matcher(name).replaceAll("$1_$2")).replaceAll("$1_$2");
    String snake = NOT_NAME_CHARS.matcher(split.toLowerCase(Locale.ROOT)).replaceAll("_");
    return !snake.isEmpty() && Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
  }

  /** {@link #snakeCase} of a record field, rejected when it cannot be a column name. */
  static String columnOfField(String field) {
    String column = snakeCase(field);
    if (!isValid(column)) {
      throw new StepFailure("INVALID_FIELD_NAME", "The record field '" + abbreviate(field)
          + "' cannot be a column name (at most 63 letters, digits or underscores): rename it in an earlier step.");
    }
    return column;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
