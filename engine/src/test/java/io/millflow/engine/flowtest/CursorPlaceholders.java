package io.millflow.engine.flowtest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${cursor:ReadOrders}} in a sandbox call's body: the cursor the case's flow committed for
 * the read task {@code ReadOrders} after the runs before, and {@code ${cursor:ReadOrders - PT1S}}
 * that instant less an ISO-8601 duration (or plus, with {@code +}), so a case can put a record's
 * modified time just before the cursor (a late commit at the boundary). The element id may be left
 * out ({@code ${cursor}}) when the flow has one cursor.
 */
final class CursorPlaceholders {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{cursor(?::([A-Za-z0-9_-]+))?\\s*(?:([+-])\\s*(P[0-9A-Za-z.]+))?\\s*}");

  private final Function<String, String> committed;

  /**
   * @param committed the committed cursor of an element id (null: the flow's only one); throws
   *     {@link FlowTestFormatException} when there is none
   */
  CursorPlaceholders(Function<String, String> committed) {
    this.committed = committed;
  }

  Map<String, Object> resolve(Map<String, Object> body) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    body.forEach((key, value) -> resolved.put(key, resolveValue(value)));
    return resolved;
  }

  @SuppressWarnings("unchecked")
  private Object resolveValue(Object value) {
    if (value instanceof String text) {
      return resolveText(text);
    }
    if (value instanceof Map<?, ?> map) {
      return resolve((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(resolveValue(item)));
      return items;
    }
    return value;
  }

  String resolveText(String text) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String cursor = committed.apply(placeholder.group(1));
      String value =
          Optional.ofNullable(placeholder.group(3))
              .map(offset -> shifted(cursor, placeholder.group(2), offset, placeholder.group()))
              .orElse(cursor);
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  private static String shifted(String cursor, String sign, String offset, String placeholder) {
    try {
      Duration duration = Duration.parse(offset);
      Instant at = Instant.parse(cursor);
      return (sign.equals("-") ? at.minus(duration) : at.plus(duration)).toString();
    } catch (DateTimeParseException e) {
      throw new FlowTestFormatException(
          placeholder
              + ": the cursor '"
              + cursor
              + "' is not an instant or '"
              + offset
              + "' not an ISO-8601 duration, so it cannot be shifted");
    }
  }
}
