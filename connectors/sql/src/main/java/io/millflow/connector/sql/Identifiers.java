package io.millflow.connector.sql;

import io.millflow.step.StepFailure;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which names may reach SQL text: every table and column name is checked against {@link #NAME} (and
 * then quoted by the {@link SqlDialect}), so user input can never change a statement's shape.
 */
public final class Identifiers {

  /**
   * A plain name, as users type it: 63 characters is PostgreSQL's limit, and within MySQL's (64)
   * and Snowflake's (255), so one table name works in every sink.
   */
  public static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}";

  private static final Pattern VALID = Pattern.compile(NAME);
  private static final Pattern LOWER_TO_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM_END = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^a-z0-9_]+");

  private Identifiers() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The snake_case column name of a JSON field or an entity: {@code orderNumber} -> {@code
   * order_number}, {@code OrderID} -> {@code order_id}, {@code plex.purchaseOrder} -> {@code
   * plex_purchase_order}.
   */
  public static String snakeCase(String name) {
    String split =
        ACRONYM_END.matcher(LOWER_TO_UPPER.matcher(name).replaceAll("$1_$2")).replaceAll("$1_$2");
    String snake = NOT_NAME_CHARS.matcher(split.toLowerCase(Locale.ROOT)).replaceAll("_");
    return !snake.isEmpty() && Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
  }

  /** {@link #snakeCase} of a record field, rejected when it cannot be a column name. */
  public static String columnOfField(String field) {
    String column = snakeCase(field);
    if (!isValid(column)) {
      throw new StepFailure(
          "INVALID_FIELD_NAME",
          "The record field '"
              + abbreviate(field)
              + "' cannot be a column name (at most 63 letters, digits or underscores): rename it in an earlier step.");
    }
    return column;
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
