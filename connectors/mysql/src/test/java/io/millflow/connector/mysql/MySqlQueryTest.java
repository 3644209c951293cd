package io.millflow.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.SqlQueryInput;
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

/** mysql.query against a real MariaDB: types, parameters, read-only, incremental reads, errors. */
class MySqlQueryTest {

  private static final String CONNECTION = "plant-db";

  private static TestDatabase database;
  private static MySqlDataSources dataSources;

  private String name;
  private TestStepContext context;
  private MySqlQuery step;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.shared();
    dataSources = new MySqlDataSources();
  }

  @AfterAll
  static void closePools() {
    dataSources.close();
  }

  @BeforeEach
  void freshDatabase() {
    name = database.createDatabase();
    context = new TestStepContext().withConnection(database.connection(CONNECTION, name));
    step = new MySqlQuery(dataSources);
    execute(
        "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100), unit_cost DECIMAL(12,4), active BOOLEAN,"
            + " updated_at DATETIME(6), attributes JSON, note TEXT)");
    execute(
        "INSERT INTO item VALUES"
            + " (1, 'Schraube M8 – Stahl ✓', 0.0425, true, '2024-03-01 10:00:00', '{\"size\": \"M8\"}', null),"
            + " (2, 'O''Brien nut', 12.5000, false, '2024-03-02 06:30:00.123456', null, 'x'),"
            + " (3, 'Washer', 3, null, '2024-03-03 00:00:00', '[]', null)");
  }

  @Test
  void returnsRowsWithTheirTypes() {
    List<JsonNode> rows = rows(query("SELECT * FROM item ORDER BY id", Map.of()));

    JsonNode first = rows.get(0);
    assertThat(first.get("id").isIntegralNumber()).isTrue();
    assertThat(first.get("id").longValue()).isEqualTo(1L);
    assertThat(first.get("name").textValue()).isEqualTo("Schraube M8 – Stahl ✓");
    assertThat(first.get("unit_cost").decimalValue()).isEqualTo(new BigDecimal("0.0425"));
    assertThat(first.get("active").booleanValue()).isTrue();
    assertThat(first.get("updated_at").textValue()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(first.get("note").isNull()).isTrue();
    // MariaDB's JSON is a LONGTEXT alias, so Connector/J cannot tell it from text; MySQL's JSON
    // comes back nested.
    assertThat(first.get("attributes").textValue()).isEqualTo("{\"size\": \"M8\"}");
    assertThat(rows.get(1).get("updated_at").textValue()).isEqualTo("2024-03-02T06:30:00.123456Z");
    assertThat(rows.get(1).get("unit_cost").decimalValue()).isEqualTo(new BigDecimal("12.5000"));
    assertThat(rows.get(1).get("active").booleanValue()).isFalse();
    assertThat(rows.get(2).get("active").isNull()).isTrue();
  }

  @Test
  void bindsNamedParametersAndAQuoteIsJustData() {
    ReadResult result =
        query(
            "SELECT id FROM item WHERE name = :name OR unit_cost > :cost ORDER BY id",
            Map.of("name", "O'Brien nut' OR '1'='1", "cost", 10));

    assertThat(rows(result)).extracting(row -> row.get("id").longValue()).containsExactly(2L);
  }

  @Test
  void aMissingParameterIsNamed() {
    assertThatThrownBy(() -> query("SELECT id FROM item WHERE id = :itemId", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_PARAMETER"))
        .hasMessageContaining(":itemId");
  }

  @Test
  void refusesAStatementThatIsNotAQuery() {
    assertThatThrownBy(() -> query("/* tidy */ UPDATE item SET note = 'gone'", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("NOT_A_QUERY"))
        .hasMessageContaining("'sql'");
  }

  @Test
  void readsIncrementallyFromTheCursor() {
    String sql = "SELECT id, updated_at FROM item WHERE updated_at > :cursor ORDER BY updated_at";
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

    execute("INSERT INTO item (id, updated_at) VALUES (4, '2024-03-04 12:00:00.5')");
    ReadResult next =
        step.run(
            new SqlQueryInput(CONNECTION, sql, Map.of(), "updated_at", first.cursor(), null),
            context);

    assertThat(rows(next)).extracting(row -> row.get("id").longValue()).containsExactly(4L);
    assertThat(next.cursor()).isEqualTo("2024-03-04T12:00:00.500Z");
  }

  @Test
  void aNumericCursorIsPlainDigits() {
    ReadResult result =
        step.run(
            new SqlQueryInput(
                CONNECTION,
                "SELECT id FROM item WHERE id > :cursor ORDER BY id",
                Map.of(),
                "id",
                "1",
                null),
            context);

    assertThat(result.records().count()).isEqualTo(2);
    assertThat(result.cursor()).isEqualTo("3");
  }

  @Test
  void aSyntaxErrorIsAStepFailureWithoutTheStatement() {
    String sql = "SELECT id, nme FROM item WHERE id = :id AND note IS NULL";
    assertThatThrownBy(() -> query(sql, Map.of("id", 1)))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("QUERY_FAILED"))
        .hasMessageContaining("nme")
        .hasMessageNotContaining("note IS NULL");
    assertThatThrownBy(() -> query("SELECT FROM WHERE", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("QUERY_FAILED"))
        .hasMessageContaining("SQL syntax");
  }

  private ReadResult query(String sql, Map<String, Object> parameters) {
    return step.run(
        new SqlQueryInput(CONNECTION, sql, new HashMap<>(parameters), null, null, null), context);
  }

  private List<JsonNode> rows(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class);
  }

  private void execute(String sql) {
    database
        .admin()
        .useHandle(
            handle -> {
              handle.execute("USE " + name);
              handle.execute(sql);
            });
  }
}
