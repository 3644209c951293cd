package io.millflow.connector.snowflake;

import static io.millflow.connector.sql.SqlDialect.SNOWFLAKE;

import io.millflow.connector.sql.SqlTemplates;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This connector's SQL templates ({@code sql/*.sql}) and the fragments only Snowflake's statements
 * need.
 */
final class SnowflakeSql {

  private static final SqlTemplates TEMPLATES = SqlTemplates.of(SnowflakeSql.class);

  private SnowflakeSql() {}

  static String render(String template, Map<String, String> fragments) {
    return TEMPLATES.render(template, fragments);
  }

  /** {@code t."A" = s."A", ...}: the SET list of a MERGE. */
  static String assignments(List<String> columns) {
    return columns.stream()
        .map(SNOWFLAKE::quote)
        .map(c -> "t." + c + " = s." + c)
        .collect(Collectors.joining(", "));
  }

  /**
   * {@code EQUAL_NULL(t."A", s."A") AND ...}: NULL-safe equality of stored and staged rows; TRUE
   * for no columns.
   */
  static String equalNull(List<String> columns) {
    return columns.isEmpty()
        ? "TRUE"
        : columns.stream()
            .map(SNOWFLAKE::quote)
            .map(c -> "EQUAL_NULL(t." + c + ", s." + c + ")")
            .collect(Collectors.joining(" AND "));
  }

  /** {@code t."A" = s."A" AND ...}: the join of stored and staged rows on the key. */
  static String joinOn(List<String> key) {
    return key.stream()
        .map(SNOWFLAKE::quote)
        .map(c -> "t." + c + " = s." + c)
        .collect(Collectors.joining(" AND "));
  }
}
