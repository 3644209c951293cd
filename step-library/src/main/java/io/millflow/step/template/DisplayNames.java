package io.millflow.step.template;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns code names (component names, enum constants, step ids) into the words a designer user
 * reads.
 */
final class DisplayNames {

  // Word boundaries: a lower-case letter or digit followed by an upper-case one, or any run of
  // separators.
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[_\\-.\\s]+");

  private DisplayNames() {}

  /**
   * {@code sourceConnection} and {@code SOURCE_CONNECTION} both become {@code Source connection}.
   */
  static String readable(String codeName) {
    String sentence = String.join(" ", words(codeName)).toLowerCase(Locale.ROOT);
    return sentence.isEmpty()
        ? codeName
        : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  /**
   * {@code plex.purchase-orders.read} becomes {@code plexPurchaseOrdersRead}: a valid FEEL variable
   * name.
   */
  static String camelCase(String codeName) {
    List<String> words = words(codeName);
    StringBuilder name = new StringBuilder();
    for (String word : words) {
      name.append(
          name.isEmpty()
              ? Character.toLowerCase(word.charAt(0)) + word.substring(1)
              : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  private static List<String> words(String codeName) {
    return Arrays.stream(WORD_BOUNDARY.split(codeName.strip()))
        .filter(word -> !word.isEmpty())
        .toList();
  }
}
