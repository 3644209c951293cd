package io.millflow.connector.sql.testing;

import static io.millflow.connector.sql.testing.UnifiedSamples.LABEL_COLUMNS;
import static io.millflow.connector.sql.testing.UnifiedSamples.T0;
import static io.millflow.connector.sql.testing.UnifiedSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.SqlDialect;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every SQL sink must do with the unified entities besides purchase orders, run against its
 * real database by a subclass in the sink's module: each entity lands in its own typed table with
 * exact values, a re-write changes nothing, and an older source version never overwrites a newer
 * one.
 */
public abstract class UnifiedWriteContract {

  private static final String ENTITIES =
      "io.millflow.connector.sql.testing.UnifiedSamples#entities";

  /** One test's view of a sink's database: each module's write fixture. */
  public interface Sink {
    /**
     * Writes the records as a dataset of {@code entity} with the step's defaults (table, upsert).
     */
    WriteResult write(String entity, List<?> records);

    /** The schema (MySQL: database) the test's tables are in. */
    String schema();

    /** The table's columns as "name type", in table order, as the database describes them. */
    List<String> columns(String table);

    List<Map<String, Object>> rows(String sql);

    /** Runs a statement in the test's schema, to arrange a table. */
    void execute(String sql);
  }

  /** A fresh sink for each test. */
  protected abstract Sink sink();

  protected abstract SqlDialect dialect();

  /** The type the database reports for a column of this kind. */
  protected abstract String reportedType(ColumnType type, boolean key);

  /**
   * A stored value as the model holds it: Instant, BigDecimal, Long, Boolean, JsonNode or String.
   */
  protected abstract Object modelValue(ColumnType type, Object stored);

  @ParameterizedTest
  @MethodSource(ENTITIES)
  void writesEachEntityToItsTypedTableWithExactValues(String entity) {
    Record record = sample(entity, "K-1", T0, "open");
    EntityLayout<?> layout = EntityLayout.forEntity(entity).orElseThrow();
    String table = Identifiers.snakeCase(entity);

    Sink sink = sink();
    WriteResult result = sink.write(entity, List.of(record));

    assertThat(result.target()).isEqualTo(sink.schema() + "." + table);
    assertThat(result.inserted()).isEqualTo(1);
    assertThat(sink.columns(table)).containsExactlyElementsOf(expectedColumns(layout));
    List<Map<String, Object>> rows = sink.rows("SELECT * FROM " + dialect().quote(table));
    assertThat(rows).hasSize(1);
    assertStored(layout, record, rows.get(0));
  }

  @ParameterizedTest
  @MethodSource(ENTITIES)
  void leavesARewriteUnchangedAndNeverLetsAnOlderVersionWin(String entity) {
    Sink sink = sink();
    Instant t1 = T0.plusSeconds(60);
    sink.write(
        entity, List.of(sample(entity, "K-1", t1, "current"), sample(entity, "K-2", t1, "other")));

    WriteResult again = sink.write(entity, List.of(sample(entity, "K-1", t1, "current")));
    WriteResult older = sink.write(entity, List.of(sample(entity, "K-1", T0, "stale")));
    WriteResult newer =
        sink.write(entity, List.of(sample(entity, "K-2", t1.plusSeconds(1), "newer")));

    assertThat(counts(again)).containsExactly(0L, 0L, 1L);
    assertThat(counts(older)).containsExactly(0L, 0L, 1L);
    assertThat(counts(newer)).containsExactly(0L, 1L, 0L);
    assertThat(
            sink.rows(
                "SELECT "
                    + dialect().quote(LABEL_COLUMNS.get(entity))
                    + " AS label FROM "
                    + dialect().quote(Identifiers.snakeCase(entity))
                    + " ORDER BY "
                    + dialect().quote("key")))
        .extracting(row -> row.get("label"))
        .containsExactly("current", "newer");
  }

  @ParameterizedTest
  @MethodSource(ENTITIES)
  void addsANullableColumnForAFieldTheTableLacksAndKeepsItsRows(String entity) {
    Sink sink = sink();
    String table = Identifiers.snakeCase(entity);
    sink.write(entity, List.of(sample(entity, "K-1", T0, "first")));
    sink.execute(
        "ALTER TABLE "
            + dialect().quote(table)
            + " DROP COLUMN "
            + dialect().quote("custom_fields"));

    WriteResult result = sink.write(entity, List.of(sample(entity, "K-2", T0, "second")));

    assertThat(result.inserted()).isEqualTo(1);
    assertThat(sink.columns(table))
        .hasSameSizeAs(expectedColumns(EntityLayout.forEntity(entity).orElseThrow()));
    assertThat(
            sink.rows(
                "SELECT "
                    + dialect().quote("custom_fields")
                    + " AS custom FROM "
                    + dialect().quote(table)
                    + " ORDER BY "
                    + dialect().quote("key")))
        .extracting(row -> row.get("custom") == null)
        .containsExactly(true, false);
  }

  private List<String> expectedColumns(EntityLayout<?> layout) {
    List<String> columns = new ArrayList<>();
    layout
        .tableColumns()
        .forEach(
            column ->
                columns.add(
                    column.name()
                        + " "
                        + reportedType(column.type(), EntityLayout.KEY.contains(column.name()))));
    return columns;
  }

  @SuppressWarnings("unchecked")
  private <T extends Record> void assertStored(
      EntityLayout<T> layout, Record record, Map<String, Object> row) {
    for (Column<T> column : layout.columns()) {
      Object expected = column.valueOf((T) record);
      Object stored = modelValue(column.type(), row.get(column.name()));
      switch (column.type()) {
        case DECIMAL ->
            assertThat((BigDecimal) stored)
                .as(column.name())
                .isEqualByComparingTo((BigDecimal) expected);
        case JSON ->
            assertThat(stored).as(column.name()).isEqualTo(Json.mapper().valueToTree(expected));
        case INTEGER, BIGINT ->
            assertThat(((Number) stored).longValue())
                .as(column.name())
                .isEqualTo(((Number) expected).longValue());
        default -> assertThat(stored).as(column.name()).isEqualTo(expected);
      }
    }
  }

  private static List<Long> counts(WriteResult result) {
    return List.of(result.inserted(), result.updated(), result.unchanged() + result.skippedOlder());
  }
}
