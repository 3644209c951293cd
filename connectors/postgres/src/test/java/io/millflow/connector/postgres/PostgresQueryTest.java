package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.SqlQueryInput;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * postgres.query against a real PostgreSQL: types, parameters, read-only, incremental reads,
 * errors.
 */
class PostgresQueryTest {

  private static final String CONNECTION = "warehouse";

  private static TestDatabase database;
  private static PostgresDataSources dataSources;

  private String schema;
  private TestStepContext context;
  private PostgresQuery step;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start();
    dataSources = new PostgresDataSources();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    dataSources.close();
    database.close();
  }

  @BeforeEach
  void freshSchema() {
    schema = database.createSchema();
    context = new TestStepContext().withConnection(database.connection(CONNECTION, schema));
    step = new PostgresQuery(dataSources);
    execute(
        "CREATE TABLE "
            + schema
            + ".item (id bigint PRIMARY KEY, name text, unit_cost numeric(12,4),"
            + " active boolean, updated_at timestamptz, seen_local timestamp, attributes jsonb, note text)");
    execute(
        "INSERT INTO "
            + schema
            + ".item VALUES"
            + " (1, 'Schraube M8 – Stahl ✓', 0.0425, true, '2024-03-01T10:00:00Z', '2024-03-01 10:00:00',"
            + "   '{\"size\": \"M8\", \"tags\": [\"a\", 1.50]}', null),"
            + " (2, 'O''Brien nut', 12.5000, false, '2024-03-02T08:30:00.123456+02:00', null, null, 'x'),"
            + " (3, 'Washer', 3, null, '2024-03-03T00:00:00Z', null, '[]', null)");
  }

  @Test
  void returnsRowsWithTheirTypes() {
    List<JsonNode> rows = rows(query("SELECT * FROM " + schema + ".item ORDER BY id", Map.of()));

    JsonNode first = rows.get(0);
    assertThat(first.get("id").isIntegralNumber()).isTrue();
    assertThat(first.get("id").longValue()).isEqualTo(1L);
    assertThat(first.get("name").textValue()).isEqualTo("Schraube M8 – Stahl ✓");
    assertThat(first.get("unit_cost").decimalValue()).isEqualTo(new BigDecimal("0.0425"));
    assertThat(first.get("active").booleanValue()).isTrue();
    assertThat(first.get("updated_at").textValue()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(first.get("seen_local").textValue()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(first.get("attributes"))
        .isEqualTo(
            Json.mapper()
                .createObjectNode()
                .put("size", "M8")
                .set("tags", Json.mapper().createArrayNode().add("a").add(new BigDecimal("1.50"))));
    assertThat(first.get("note").isNull()).isTrue();
    assertThat(rows.get(1).get("updated_at").textValue()).isEqualTo("2024-03-02T06:30:00.123456Z");
    assertThat(rows.get(1).get("unit_cost").decimalValue()).isEqualTo(new BigDecimal("12.5000"));
    assertThat(rows.get(2).get("active").isNull()).isTrue();
    assertThat(rows.get(2).get("attributes").isArray()).isTrue();
  }

  @Test
  void bindsNamedParametersAndAQuoteIsJustData() {
    ReadResult result =
        query(
            "SELECT id FROM "
                + schema
                + ".item WHERE name = :name OR unit_cost > :cost ORDER BY id",
            Map.of("name", "O'Brien nut' OR '1'='1", "cost", 10));

    assertThat(rows(result)).extracting(row -> row.get("id").longValue()).containsExactly(2L);
  }

  @Test
  void aTimestampParameterGivenAsTextComparesWithATimestampColumn() {
    ReadResult result =
        query(
            "SELECT id FROM " + schema + ".item WHERE updated_at >= :since ORDER BY id",
            Map.of("since", "2024-03-02T00:00:00Z"));

    assertThat(rows(result)).extracting(row -> row.get("id").longValue()).containsExactly(2L, 3L);
  }

  @Test
  void aMissingParameterIsNamed() {
    assertThatThrownBy(
            () ->
                query(
                    "SELECT id FROM " + schema + ".item WHERE id = :itemId AND name = :name",
                    Map.of("name", "Washer")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_PARAMETER"))
        .hasMessageContaining(":itemId");
  }

  @Test
  void refusesAStatementThatIsNotAQuery() {
    assertThatThrownBy(() -> query("DELETE FROM " + schema + ".item", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("NOT_A_QUERY"))
        .hasMessageContaining("'sql'");
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void aWriteHiddenInAWithIsRefusedByTheReadOnlyTransaction() {
    assertThatThrownBy(
            () ->
                query(
                    "WITH gone AS (DELETE FROM "
                        + schema
                        + ".item RETURNING id) SELECT * FROM gone",
                    Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("QUERY_FAILED"))
        .hasMessageContaining("read-only");
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void readsIncrementallyFromTheCursor() {
    String sql =
        "SELECT id, updated_at FROM "
            + schema
            + ".item WHERE updated_at > :cursor ORDER BY updated_at";
    ReadResult first =
        step.run(
            new SqlQueryInput(
                CONNECTION,
                sql,
                Map.of("cursor", "1970-01-01T00:00:00Z"),
                "updated_at",
                null,
                null),
            context);
    assertThat(first.records().count()).isEqualTo(3);
    assertThat(first.cursor()).isEqualTo("2024-03-03T00:00:00Z");

    execute(
        "INSERT INTO " + schema + ".item (id, updated_at) VALUES (4, '2024-03-04T12:00:00.5Z')");
    ReadResult next =
        step.run(
            new SqlQueryInput(
                CONNECTION,
                sql,
                Map.of("cursor", "1970-01-01T00:00:00Z"),
                "updated_at",
                first.cursor(),
                null),
            context);

    assertThat(rows(next)).extracting(row -> row.get("id").longValue()).containsExactly(4L);
    assertThat(next.cursor()).isEqualTo("2024-03-04T12:00:00.500Z");

    ReadResult nothingNew =
        step.run(
            new SqlQueryInput(CONNECTION, sql, Map.of(), "updated_at", next.cursor(), null),
            context);
    assertThat(nothingNew.records().count()).isZero();
    assertThat(nothingNew.cursor()).isEqualTo(next.cursor());
  }

  @Test
  void aNumericCursorIsPlainDigits() {
    ReadResult result =
        step.run(
            new SqlQueryInput(
                CONNECTION,
                "SELECT id FROM " + schema + ".item WHERE id > :cursor ORDER BY id",
                Map.of(),
                "id",
                "1",
                null),
            context);

    assertThat(result.records().count()).isEqualTo(2);
    assertThat(result.cursor()).isEqualTo("3");
  }

  @Test
  void stopsAtMaxRows() {
    ReadResult result =
        step.run(
            new SqlQueryInput(
                CONNECTION, "SELECT id FROM " + schema + ".item ORDER BY id", null, "id", null, 2),
            context);

    assertThat(result.records().count()).isEqualTo(2);
    assertThat(result.cursor()).isEqualTo("2");
  }

  @Test
  void streamsALargeResultReportingProgress() {
    ReadResult result = query("SELECT n FROM generate_series(1, 25000) AS n", Map.of());

    assertThat(result.records().count()).isEqualTo(25_000);
    assertThat(context.progressReports())
        .extracting(report -> report[0])
        .containsExactly(10_000L, 20_000L, 25_000L);
  }

  @Test
  void aSyntaxErrorIsAStepFailureWithoutTheStatement() {
    String sql = "SELECT id, nme FROM " + schema + ".item WHERE id = :id";
    assertThatThrownBy(() -> query(sql, Map.of("id", 1)))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("QUERY_FAILED"))
        .hasMessageContaining("nme")
        .hasMessageNotContaining("WHERE id");
    assertThatThrownBy(() -> query("SELECT FROM WHERE", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("QUERY_FAILED"))
        .hasMessageContaining("syntax error");
  }

  private ReadResult query(String sql, Map<String, Object> parameters) {
    return step.run(
        new SqlQueryInput(CONNECTION, sql, new HashMap<>(parameters), null, null, null), context);
  }

  private List<JsonNode> rows(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class);
  }

  private long count() {
    return database
        .admin()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT count(*) FROM " + schema + ".item")
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * As the step's role, so the table is its own and only the read-only transaction can stop a
   * write.
   */
  private void execute(String sql) {
    database
        .admin()
        .useHandle(
            handle -> {
              handle.execute("SET ROLE " + TestDatabase.WRITER);
              handle.execute(sql);
            });
  }
}
