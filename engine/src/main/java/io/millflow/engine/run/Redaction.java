package io.millflow.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.millflow.step.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts {@code {{secrets.NAME}}} back where a text holds the value of a secret resolved for one
 * attempt: a step or the server it called may echo an input in an error (a cast error quoting the
 * value), a log line or its output. Applied to everything the attempt stores or sends (step error
 * and detail, log lines, output summary and variables, incident and event texts), so no copy of the
 * value outlives the step. Besides the value as resolved, it finds the encodings a value is
 * commonly echoed in: JSON-escaped (also with non-ASCII escaped), URL-encoded (spaces as {@code +}
 * and as {@code %20}) and, for a value of 6 bytes or more, Base64 (standard and URL-safe) of the
 * value on its own.
 */
public final class Redaction {

  static final Redaction NONE = new Redaction(Map.of());

  /** The Base64 of a shorter value is a few letters that ordinary text holds by chance. */
  private static final int MIN_BASE64_BYTES = 6;

  private static final ObjectWriter ASCII_JSON =
      Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

  /** What stands for each text to hide: the reference of the secret it is (an encoding of). */
  private final Map<String, String> references;

  private final Pattern hidden;

  private Redaction(Map<String, String> references) {
    this.references = references;
    // Longest first, so a secret that contains another is hidden whole rather than around the
    // shorter one.
    this.hidden =
        references.isEmpty()
            ? null
            : Pattern.compile(
                references.keySet().stream()
                    .sorted(
                        Comparator.comparingInt(String::length)
                            .reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|")));
  }

  /** The redaction of these secrets, by name; empty values hide nothing. */
  static Redaction of(Map<String, String> secretsByName) {
    return of(secretsByName, name -> "{{secrets." + name + "}}");
  }

  /**
   * The redaction of these values, by name, each replaced by the text {@code standIn} gives for its
   * name (a connection credential has no secret reference to stand for it); empty values hide
   * nothing.
   */
  static Redaction of(
      Map<String, String> valuesByName, java.util.function.UnaryOperator<String> standIn) {
    Map<String, String> references = new HashMap<>();
    valuesByName.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            encodings(value).forEach(text -> references.putIfAbsent(text, standIn.apply(name)));
          }
        });
    return references.isEmpty() ? NONE : new Redaction(Map.copyOf(references));
  }

  /**
   * The text with every secret value (and encoding of one) replaced by its reference; null stays
   * null.
   */
  public String apply(String text) {
    if (hidden == null || text == null || text.isEmpty()) {
      return text;
    }
    Matcher found = hidden.matcher(text);
    return found.replaceAll(match -> Matcher.quoteReplacement(references.get(match.group())));
  }

  /**
   * A JSON-like value (maps, lists, texts, numbers) with {@link #apply} done to every text in it,
   * keys too.
   */
  Object applyToValues(Object value) {
    if (hidden == null) {
      return value;
    }
    return switch (value) {
      case String text -> apply(text);
      case Map<?, ?> map -> {
        Map<Object, Object> redacted = new LinkedHashMap<>();
        map.forEach((key, item) -> redacted.put(applyToValues(key), applyToValues(item)));
        yield redacted;
      }
      case List<?> list -> {
        List<Object> redacted = new ArrayList<>(list.size());
        list.forEach(item -> redacted.add(applyToValues(item)));
        yield redacted;
      }
      case null, default -> value;
    };
  }

  private static Set<String> encodings(String value) {
    Set<String> texts = new LinkedHashSet<>();
    texts.add(value);
    texts.add(jsonEscaped(Json.mapper().writer(), value));
    texts.add(jsonEscaped(ASCII_JSON, value));
    String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    texts.add(urlEncoded);
    texts.add(urlEncoded.replace("+", "%20"));
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= MIN_BASE64_BYTES) {
      // Without padding: the text matches padded and unpadded forms alike.
      texts.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
      texts.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    texts.remove("");
    return texts;
  }

  private static String jsonEscaped(ObjectWriter writer, String value) {
    try {
      String quoted = writer.writeValueAsString(value);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A text could not be written as JSON", e);
    }
  }
}
