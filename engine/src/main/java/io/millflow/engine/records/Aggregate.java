package io.millflow.engine.records;

import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column of a group: a function over a field, under a name. Written as {@code sum(quantity)},
 * {@code max(unitPrice) as highestPrice}, or {@code count}; without {@code as}, the name is the
 * function and the field ({@code sumQuantity}).
 */
record Aggregate(Function function, FieldPath field, String name) {

  /** What an aggregate makes of a group's values; nulls are left out, as SQL does. */
  enum Function {
    /** Records of the group, or those with a value in the field. */
    COUNT,
    /** Of numbers. */
    SUM,
    /** Of numbers, or of texts (ISO dates sort as dates). */
    MIN,
    MAX,
    /** The first and last value in input order. */
    FIRST,
    LAST
  }

  private static final Pattern ONE =
      Pattern.compile(
          "(?i)\\s*(count|sum|min|max|first|last)\\s*(?:\\(\\s*([\\w.]*)\\s*\\))?"
              + "(?:\\s+as\\s+(\\w+))?\\s*");

  /**
   * @throws StepFailure {@code INVALID_AGGREGATE} naming the part that is not understood
   */
  static List<Aggregate> parse(String text) {
    List<Aggregate> aggregates = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return aggregates;
    }
    for (String part : text.split(",")) {
      aggregates.add(one(part));
    }
    return aggregates;
  }

  private static Aggregate one(String part) {
    Matcher matcher = ONE.matcher(part);
    if (!matcher.matches()) {
      throw invalid(part, "write it as function(field) [as name], e.g. sum(quantity) as total");
    }
    Function function = Function.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
    String field = matcher.group(2) == null || matcher.group(2).isEmpty() ? null : matcher.group(2);
    if (field == null && function != Function.COUNT) {
      throw invalid(part, function.name().toLowerCase(Locale.ROOT) + " needs a field");
    }
    String name = matcher.group(3) != null ? matcher.group(3) : defaultName(function, field);
    return new Aggregate(function, field == null ? null : FieldPath.of(field), name);
  }

  private static String defaultName(Function function, String field) {
    StringBuilder name = new StringBuilder(function.name().toLowerCase(Locale.ROOT));
    if (field != null) {
      for (String part : field.split("\\.")) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  private static StepFailure invalid(String part, String fix) {
    return new StepFailure(
        "INVALID_AGGREGATE", "The aggregate '" + part.trim() + "' is not understood: " + fix);
  }
}
