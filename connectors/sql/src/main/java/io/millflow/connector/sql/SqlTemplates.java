package io.millflow.connector.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector's SQL, kept in {@code sql/*.sql} resources next to its package. A template names the
 * tables and column lists it needs as {@code ${name}}; callers fill them only with names checked by
 * {@link Identifiers} and quoted by a {@link SqlDialect}, never with raw input. Values travel as
 * bound parameters (or COPY data), never in the text.
 */
public final class SqlTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

  private final Class<?> anchor;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  private SqlTemplates(Class<?> anchor) {
    this.anchor = anchor;
  }

  /** The templates under {@code sql/} in the package of {@code anchor}. */
  public static SqlTemplates of(Class<?> anchor) {
    return new SqlTemplates(anchor);
  }

  public String render(String template, Map<String, String> fragments) {
    Matcher matcher = PLACEHOLDER.matcher(load(template));
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      String fragment = fragments.get(matcher.group(1));
      if (fragment == null) {
        throw new IllegalStateException(
            "SQL template " + template + " needs ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(sql, Matcher.quoteReplacement(fragment));
    }
    return matcher.appendTail(sql).toString();
  }

  public String render(String template) {
    return render(template, Map.of());
  }

  private String load(String template) {
    return cache.computeIfAbsent(
        template,
        name -> {
          try (InputStream in = anchor.getResourceAsStream("sql/" + name + ".sql")) {
            if (in == null) {
              throw new IllegalStateException(
                  "Missing SQL resource sql/" + name + ".sql next to " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
