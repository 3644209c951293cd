package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.SqlTemplates;
import io.millflow.connector.sql.TableName;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This connector's SQL templates ({@code sql/*.sql}) and the one fragment only PostgreSQL's upsert
 * needs.
 */
final class PostgresSql {

  private static final SqlTemplates TEMPLATES = SqlTemplates.of(PostgresSql.class);

  private PostgresSql() {}

  static String render(String template, Map<String, String> fragments) {
    return TEMPLATES.render(template, fragments);
  }

  static String render(String template) {
    return TEMPLATES.render(template);
  }

  /**
   * A temporary staging table with the columns (and their types) of {@code target}; dropped at
   * commit.
   */
  static String stage(String stage, TableName target, List<String> columns) {
    return render(
        "stage-create",
        Map.of(
            "stage", stage, "target", target.quoted(POSTGRES), "columns", POSTGRES.list(columns)));
  }

  /** {@code "a" = excluded."a", ...}: the SET list of an {@code ON CONFLICT DO UPDATE}. */
  static String assignmentsFromExcluded(List<String> names) {
    return names.stream()
        .map(name -> POSTGRES.quote(name) + " = excluded." + POSTGRES.quote(name))
        .collect(Collectors.joining(", "));
  }

  /**
   * {@code "a" = CASE WHEN <kept> THEN t."a" ELSE excluded."a" END, ...}: the SET list of an {@code
   * ON CONFLICT DO UPDATE} on the table aliased {@code t}, keeping the stored values where {@code
   * kept} holds.
   */
  static String assignmentsFromExcludedUnless(String kept, List<String> names) {
    return names.stream()
        .map(POSTGRES::quote)
        .map(
            name ->
                name
                    + " = CASE WHEN "
                    + kept
                    + " THEN t."
                    + name
                    + " ELSE excluded."
                    + name
                    + " END")
        .collect(Collectors.joining(", "));
  }
}
