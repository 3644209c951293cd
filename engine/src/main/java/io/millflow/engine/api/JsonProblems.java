package io.millflow.engine.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** Jackson's complaints about a request body, said as what is wrong where and how to fix it. */
final class JsonProblems {

  private JsonProblems() {}

  /** The field as a dotted path, e.g. {@code routes[0].flowId}. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(printable(reference.getFieldName()));
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(the body)" : path.toString();
  }

  /**
   * The field an answer's {@code field} names: the dotted path, with {@code .type} for a kind that
   * is unknown or missing; null for the body as a whole.
   */
  static String field(MismatchedInputException e) {
    String path = path(e);
    if (e instanceof InvalidTypeIdException) {
      return path.equals("(the body)") ? "type" : path + ".type";
    }
    return path.equals("(the body)") ? null : path;
  }

  /** A field name as an answer may repeat it: control characters shown as '?', and not endless. */
  static String printable(String name) {
    String shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
    return shown.replaceAll("[\\x00-\\x1F\\x7F]", "?");
  }

  static String known(UnrecognizedPropertyException e) {
    if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
      return "";
    }
    return "; known fields: "
        + e.getKnownPropertyIds().stream()
            .map(String::valueOf)
            .sorted()
            .collect(Collectors.joining(", "));
  }

  static String mismatch(MismatchedInputException e) {
    if (e instanceof InvalidTypeIdException unknownKind) {
      return unknownKind(unknownKind);
    }
    String expected =
        e.getTargetType() == null ? "another kind of value" : describe(e.getTargetType());
    return "Field '" + path(e) + "' has the wrong type: expected " + expected + at(e.getLocation());
  }

  static String unreadable(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException
        || e.getCause() instanceof StreamConstraintsException) {
      return "The request body nests deeper than " + StrictJson.MAX_DEPTH + " levels: flatten it";
    }
    if (e instanceof TextInputs.Refused refused) {
      return "Field '" + refused.field() + "' " + refused.problem();
    }
    if (e instanceof JsonMappingException mapping) {
      return "Field '" + path(mapping) + "' could not be read: " + e.getOriginalMessage();
    }
    return "The request body is not valid JSON"
        + at(e.getLocation())
        + ": "
        + e.getOriginalMessage();
  }

  /**
   * A {@code type} that names no kind the field has (a signature {@code "type": "rsa"}): the kinds
   * there are, never the Java type that reads them.
   */
  private static String unknownKind(InvalidTypeIdException e) {
    String field = path(e);
    String property = "type";
    String at = field.equals("(the body)") ? property : field + "." + property;
    String given = e.getTypeId() == null ? "" : " '" + printable(e.getTypeId()) + "'";
    JsonSubTypes kinds =
        e.getBaseType() == null
            ? null
            : e.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
    String known =
        kinds == null
            ? ""
            : ": use one of "
                + java.util.Arrays.stream(kinds.value())
                    .map(JsonSubTypes.Type::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
    return e.getTypeId() == null
        ? "Field '" + at + "' is missing" + known
        : "Field '" + at + "' has an unknown value" + given + known;
  }

  /** A message of a library with the Java types it names (`io.millflow.X`) said as "a value". */
  static String withoutJavaNames(String message) {
    return message.replaceAll("`?(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*`?", "a value");
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object {...}";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list [...]";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    return "an object {...}";
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
