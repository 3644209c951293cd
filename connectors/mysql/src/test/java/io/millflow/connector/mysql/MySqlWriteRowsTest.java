package io.millflow.connector.mysql;

import static io.millflow.connector.sql.testing.OrderVersionsContract.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.RowKeyFieldsContract;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generic datasets: field-for-field tables with inferred types, upserted on the step's key fields.
 */
class MySqlWriteRowsTest extends RowKeyFieldsContract<WriteFixture> {

  @RegisterExtension static final MySqlWriteDatabase DATABASE = new MySqlWriteDatabase();

  @Test
  void createsTheTableFromTheRecordsWithInferredTypes() {
    fixture()
        .write(
            null,
            null,
            "itemId",
            "row",
            List.of(
                row(
                    "itemId",
                    "B-1",
                    "itemName",
                    "Bolt ✓",
                    "unitCost",
                    new BigDecimal("0.0425"),
                    "active",
                    true,
                    "seenAt",
                    "2024-03-01T12:00:00+02:00",
                    "tags",
                    List.of("a", "b"),
                    "comment",
                    null)));

    assertThat(fixture().columns("row"))
        .containsExactly(
            "item_id varchar(255)",
            "item_name text",
            "unit_cost decimal(38,10)",
            "active tinyint(1)",
            "seen_at datetime(6)",
            "tags longtext",
            "comment text");
    Map<String, Object> stored = fixture().row("SELECT * FROM `row`");
    assertThat(stored)
        .containsEntry("item_name", "Bolt ✓")
        .containsEntry("active", true)
        .containsEntry("comment", null)
        .containsEntry("seen_at", LocalDateTime.parse("2024-03-01T10:00:00"))
        .containsEntry("tags", "[\"a\",\"b\"]");
    assertThat((BigDecimal) stored.get("unit_cost")).isEqualByComparingTo("0.0425");
  }

  @Test
  void upsertsOnTheKeyFieldsAndCountsWhatChanged() {
    List<Map<String, Object>> first =
        List.of(
            row("plant", "GRZ", "item", "B-1", "qty", 5),
            row("plant", "GRZ", "item", "B-2", "qty", 7),
            row("plant", "LNZ", "item", "B-1", "qty", 1));
    fixture().write("stock", null, "plant, item", "row", first);

    WriteResult second =
        fixture()
            .write(
                "stock",
                WriteMode.UPSERT,
                "plant,item",
                "row",
                List.of(
                    row("plant", "GRZ", "item", "B-1", "qty", 5),
                    row("plant", "GRZ", "item", "B-2", "qty", 8),
                    row("plant", "LNZ", "item", "B-9", "qty", 2)));

    assertThat(counts(second)).containsExactly(1L, 1L, 1L);
    assertThat(
            fixture()
                .rows("SELECT plant, item, CAST(qty AS SIGNED) AS qty FROM stock ORDER BY 1, 2"))
        .extracting(r -> r.get("plant") + "/" + r.get("item") + "=" + r.get("qty"))
        .containsExactly("GRZ/B-1=5", "GRZ/B-2=8", "LNZ/B-1=1", "LNZ/B-9=2");
    WriteResult again = fixture().write("stock", WriteMode.UPSERT, "plant,item", "row", first);
    assertThat(counts(again)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void addsAColumnForAFieldThatAppearsInALaterBatch() {
    WriteResult result =
        fixture()
            .write(
                "events",
                WriteMode.INSERT,
                null,
                "row",
                List.of(row("id", 1), row("id", 2), row("id", 3, "severity", "high")));

    assertThat(counts(result)).containsExactly(3L, 0L, 0L);
    assertThat(fixture().columns("events")).containsExactly("id decimal(38,10)", "severity text");
    fixture()
        .write("events", WriteMode.INSERT, null, "row", List.of(row("id", 4, "source", "line 2")));
    assertThat(fixture().columns("events"))
        .containsExactly("id decimal(38,10)", "severity text", "source text");
    assertThat(fixture().count("events")).isEqualTo(4);
  }

  @Test
  void replaceModeEmptiesTheTableThenLoads() {
    fixture()
        .write(
            "stock",
            null,
            "item",
            "row",
            List.of(row("item", "A", "qty", 1), row("item", "B", "qty", 2)));

    WriteResult result =
        fixture()
            .write("stock", WriteMode.REPLACE, "item", "row", List.of(row("item", "C", "qty", 3)));

    assertThat(counts(result)).containsExactly(1L, 0L, 0L);
    assertThat(fixture().rows("SELECT item FROM stock")).containsExactly(Map.of("item", "C"));
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
