package io.millflow.connector.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of this connector, kept in {@code sql/*.sql} resources next to this package. A template names the tables and
 * column lists it needs as {@code ${name}}; callers fill them only with fragments built by {@link Identifiers}, never
 * with raw input. Values travel by COPY or bound parameters, never in the text.
 */
final class SqlTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlTemplates() {}

  static String render(String template, Map<String, String> fragments) {
    Matcher matcher = PLACEHOLDER.matcher(load(template));
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      String fragment = fragments.get(matcher.group(1));
      if (fragment == null) {
        throw new IllegalStateException("SQL template " + template + " needs ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(sql, Matcher.quoteReplacement(fragment));
    }
    return matcher.appendTail(sql).toString();
  }

  static String render(String template) {
    return render(template, Map.of());
  }

  private static String load(String template) {
    return CACHE.computeIfAbsent(template, name -> {
      try (InputStream in = SqlTemplates.class.getResourceAsStream("sql/" + name + ".sql")) {
        if (in == null) {
          throw new IllegalStateException("Missing SQL resource sql/" + name + ".sql");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
