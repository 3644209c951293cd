package io.millflow.connector.sql;

import io.millflow.step.StepFailure;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;

/**
 * The {@code sql} input of a query step: a read statement with named parameters ({@code :since}).
 * Only statements starting with SELECT or WITH are accepted; the step also runs them in a read-only
 * transaction, because a text check alone cannot see a data-modifying CTE or a function with side
 * effects.
 */
public record QueryText(String sql, List<String> parameterNames) {

  /** Leading whitespace and comments, which may precede the first keyword. */
  private static final Pattern LEADING =
      Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/)*", Pattern.DOTALL);

  private static final Pattern READ_KEYWORD = Pattern.compile("^(SELECT|WITH)\\b");

  public static QueryText of(String sql) {
    String start = LEADING.matcher(sql).replaceFirst("").toUpperCase(Locale.ROOT);
    if (!READ_KEYWORD.matcher(start).find()) {
      throw new StepFailure(
          "NOT_A_QUERY",
          "The step's 'sql' must be a read statement starting with SELECT or WITH;"
              + " to change data, use a write step.");
    }
    // Jdbi's own parser, so we see exactly the names Jdbi will bind (it skips literals, comments
    // and :: casts).
    // It does not need a statement context: it only caches by SQL text.
    List<String> names =
        new ColonPrefixSqlParser().parse(sql, null).getParameters().getParameterNames();
    return new QueryText(sql, names.stream().distinct().toList());
  }

  public boolean uses(String parameter) {
    return parameterNames.contains(parameter);
  }
}
