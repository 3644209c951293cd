package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.SqlTemplates;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This connector's SQL templates ({@code sql/*.sql}) and the fragments only MySQL's statements
 * need.
 */
final class MySqlSql {

  private static final SqlTemplates TEMPLATES = SqlTemplates.of(MySqlSql.class);

  private MySqlSql() {}

  /**
   * A statement without its comment lines: Connector/J recognises a batch it can rewrite into one
   * multi-row INSERT by the statement's start, so nothing may come before {@code INSERT}.
   */
  static String render(String template, Map<String, String> fragments) {
    return TEMPLATES
        .render(template, fragments)
        .lines()
        .filter(line -> !line.startsWith("--"))
        .collect(Collectors.joining("\n"));
  }

  static String render(String template) {
    return render(template, Map.of());
  }

  /** {@code ?, ?, ?}. */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * {@code (?, ?), (?, ?)}: {@code rows} row constructors of {@code width} values, for an IN list.
   */
  static String rowPlaceholders(int rows, int width) {
    String row = width == 1 ? "?" : "(" + placeholders(width) + ")";
    return String.join(", ", Collections.nCopies(rows, row));
  }

  /** {@code `a` = VALUES(`a`), ...}. */
  static String assignmentsFromValues(List<String> columns) {
    return columns.stream()
        .map(c -> MYSQL.quote(c) + " = VALUES(" + MYSQL.quote(c) + ")")
        .collect(Collectors.joining(", "));
  }

  /** {@code `a` = IF(condition, VALUES(`a`), `a`), ...}. */
  static String conditionalAssignments(List<String> columns, String condition) {
    return columns.stream()
        .map(MYSQL::quote)
        .map(c -> c + " = IF(" + condition + ", VALUES(" + c + "), " + c + ")")
        .collect(Collectors.joining(",\n  "));
  }

  /**
   * {@code `a` <=> VALUES(`a`) AND ...}: true when the incoming row equals the stored one
   * (NULL-safe).
   */
  static String equalToValues(List<String> columns) {
    return columns.stream()
        .map(MYSQL::quote)
        .map(c -> c + " <=> VALUES(" + c + ")")
        .collect(Collectors.joining(" AND "));
  }

  /** {@code l.`a` <=> r.`a` AND ...}, or TRUE for no columns. */
  static String equal(String left, String right, List<String> columns) {
    return columns.isEmpty()
        ? "TRUE"
        : columns.stream()
            .map(MYSQL::quote)
            .map(c -> left + "." + c + " <=> " + right + "." + c)
            .collect(Collectors.joining(" AND "));
  }
}
