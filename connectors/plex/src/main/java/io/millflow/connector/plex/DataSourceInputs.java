package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.step.StepFailure;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a step's data-source inputs against the data source's description before running it, so
 * that a mistake is reported by name instead of as Plex's error, or, worse, not at all: Plex
 * ignores an input name it does not know, and names are case-sensitive, so {@code part_no} for
 * {@code Part_No} would silently run without the filter.
 */
final class DataSourceInputs {

  private record Declared(String name, String type, boolean required) {}

  private DataSourceInputs() {}

  static void check(JsonNode description, String dataSourceId, Map<String, Object> inputs) {
    String source =
        "Data source "
            + dataSourceId
            + description
                .path("name")
                .asText("")
                .transform(name -> name.isEmpty() ? "" : " (" + name + ")");
    List<Declared> declared = declared(description);
    for (String name : inputs.keySet()) {
      if (declared.stream().noneMatch(input -> input.name().equals(name))) {
        String alike =
            declared.stream()
                .filter(input -> input.name().equalsIgnoreCase(name))
                .map(Declared::name)
                .findFirst()
                .map(match -> "; did you mean '" + match + "'? Input names are case-sensitive")
                .orElse("");
        throw new StepFailure(
            "DATA_SOURCE_INPUT_UNKNOWN",
            source
                + " has no input '"
                + name
                + "'"
                + alike
                + ". Its inputs: "
                + declared.stream().map(Declared::name).toList()
                + ".");
      }
    }
    for (Declared input : declared) {
      Object value = inputs.get(input.name());
      if (value == null) {
        if (input.required()) {
          throw new StepFailure(
              "DATA_SOURCE_INPUT_REQUIRED",
              source
                  + " requires input '"
                  + input.name()
                  + "' ("
                  + input.type()
                  + "): add it to the step's inputs.");
        }
      } else if (!fits(input.type(), value)) {
        throw new StepFailure(
            "DATA_SOURCE_INPUT_TYPE_MISMATCH",
            source
                + " takes input '"
                + input.name()
                + "' as "
                + input.type()
                + ", but the step gives "
                + describe(value)
                + ": give it "
                + example(input.type())
                + ".");
      }
    }
  }

  private static List<Declared> declared(JsonNode description) {
    List<Declared> declared = new ArrayList<>();
    description
        .path(PlexGuesses.DATA_SOURCE_INPUTS_FIELD)
        .forEach(
            input ->
                declared.add(
                    new Declared(
                        input.path("name").asText(),
                        input.path("type").asText("string"),
                        input.path("required").asBoolean(false))));
    return declared;
  }

  private static boolean fits(String type, Object value) {
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      return false;
    }
    String text = String.valueOf(value).strip();
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "int", "integer" -> text.matches("-?\\d{1,18}");
      case "decimal", "float", "double", "number" ->
          text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
      case "boolean", "bit" -> text.equals("true") || text.equals("false");
      case "datetime", "date" -> isDateTime(text);
      default -> true;
    };
  }

  private static boolean isDateTime(String text) {
    for (Function<String, Object> parser :
        List.<Function<String, Object>>of(
            Instant::parse, OffsetDateTime::parse, LocalDateTime::parse)) {
      try {
        parser.apply(text);
        return true;
      } catch (RuntimeException e) {
        // try the next form
      }
    }
    return false;
  }

  private static String describe(Object value) {
    return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
  }

  private static String example(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "int", "integer" -> "a whole number such as 5";
      case "decimal", "float", "double", "number" -> "a number such as 12.5";
      case "boolean", "bit" -> "true or false";
      case "datetime", "date" -> "a date-time such as 2025-01-31T00:00:00Z";
      default -> "a text";
    };
  }
}
