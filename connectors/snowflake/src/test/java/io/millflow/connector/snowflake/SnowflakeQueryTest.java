package io.millflow.connector.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.SqlQueryInput;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The query step over the recording fake: named parameters reach Snowflake bound, never in the
 * statement's text.
 */
class SnowflakeQueryTest {

  @Test
  void bindsNamedParametersInAReadOnlyTransactionAndReturnsTheGreatestCursor() {
    RecordingJdbc jdbc =
        new RecordingJdbc()
            .answer(
                "FROM orders",
                List.of("ID", "UPDATED_AT"),
                List.of(Types.DECIMAL, Types.TIMESTAMP_WITH_TIMEZONE),
                RecordingJdbc.rows(
                    new Object[] {
                      new BigDecimal("7"), OffsetDateTime.parse("2024-03-02T08:00:00Z")
                    },
                    new Object[] {
                      new BigDecimal("8"), OffsetDateTime.parse("2024-03-03T09:30:00+01:00")
                    }));
    TestStepContext context = new TestStepContext().withConnection(SnowflakeWriteTest.CONNECTION);
    String sql =
        "SELECT id, updated_at FROM orders WHERE updated_at > :cursor AND plant = :plant ORDER BY updated_at";

    ReadResult result =
        new SnowflakeQuery(connection -> Jdbi.create(jdbc.dataSource()))
            .run(
                new SqlQueryInput(
                    "lake",
                    sql,
                    Map.of("plant", "P1'; DROP TABLE orders; --"),
                    "updated_at",
                    "2024-03-01T00:00:00Z",
                    null),
                context);

    assertThat(jdbc.events())
        .containsSubsequence(
            "readOnly: true",
            "autoCommit: false",
            "execute: SELECT id, updated_at FROM orders WHERE updated_at > ? AND plant = ? ORDER BY updated_at",
            "bind 1: 2024-03-01T00:00:00Z",
            "bind 2: P1'; DROP TABLE orders; --",
            "commit");
    assertThat(result.cursor()).isEqualTo("2024-03-03T08:30:00Z");
    assertThat(context.datasets().readAll(result.records(), JsonNode.class))
        .extracting(row -> row.get("ID").asText())
        .containsExactly("7", "8");
  }
}
