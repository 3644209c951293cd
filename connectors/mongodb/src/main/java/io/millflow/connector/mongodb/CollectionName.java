package io.millflow.connector.mongodb;

import io.millflow.step.StepFailure;
import java.util.regex.Pattern;

/**
 * Collection and database names the steps accept: a stricter subset of what MongoDB allows, so a
 * name never needs quoting anywhere (shell, tools, URLs) and never reaches a system collection.
 */
final class CollectionName {

  /** Letters, digits, underscores, hyphens and inner dots; starts with a letter or underscore. */
  static final String PATTERN = "[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*";

  private static final Pattern NAME = Pattern.compile(PATTERN);
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_-]{1,63}");
  private static final int MAX_LENGTH = 120;

  private CollectionName() {}

  static boolean isValid(String name) {
    return name != null
        && name.length() <= MAX_LENGTH
        && NAME.matcher(name).matches()
        && !name.startsWith("system.");
  }

  static boolean isValidDatabase(String name) {
    return DATABASE.matcher(name).matches();
  }

  /** The name, checked; {@code input} is the step input that gave it, for the message. */
  static String check(String name, String input) {
    if (!isValid(name)) {
      throw new StepFailure(
          "INVALID_COLLECTION",
          "The step's '"
              + input
              + "' must be a collection name: letters,"
              + " digits, underscores, hyphens and inner dots, starting with a letter or underscore, at most "
              + MAX_LENGTH
              + " characters, not system.*.");
    }
    return name;
  }

  /**
   * The collection an entity goes to by default: {@code purchaseOrder} -> {@code purchase_orders}.
   */
  static String forEntity(String entity) {
    String snake =
        entity
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("[^A-Za-z0-9_]+", "_")
            .toLowerCase(java.util.Locale.ROOT);
    return snake.endsWith("s") ? snake : snake + "s";
  }
}
