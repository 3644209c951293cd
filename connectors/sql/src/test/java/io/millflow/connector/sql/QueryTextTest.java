package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepFailure;
import org.junit.jupiter.api.Test;

class QueryTextTest {

  @Test
  void acceptsSelectAndWithAfterCommentsInAnyCase() {
    assertThat(QueryText.of("  -- recent\n /* all */ select 1").sql()).endsWith("select 1");
    assertThat(QueryText.of("WITH x AS (SELECT 1) SELECT * FROM x").parameterNames()).isEmpty();
  }

  @Test
  void refusesAnythingElseNamingTheInput() {
    for (String sql :
        new String[] {"DELETE FROM t", "/* SELECT */ UPDATE t SET a = 1", "SELECTED", "CALL p()"}) {
      assertThatThrownBy(() -> QueryText.of(sql))
          .isInstanceOfSatisfying(
              StepFailure.class, f -> assertThat(f.code()).isEqualTo("NOT_A_QUERY"))
          .hasMessageContaining("'sql'");
    }
  }

  @Test
  void findsNamedParametersButNotCastsOrTextInLiterals() {
    QueryText query =
        QueryText.of(
            "SELECT id::text, ':not_me' FROM t WHERE a > :since AND b = :plant OR c = :since");

    assertThat(query.parameterNames()).containsExactly("since", "plant");
    assertThat(query.uses("since")).isTrue();
  }
}
