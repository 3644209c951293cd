package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.RowKeyFieldsContract;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Datasets of any other entity (query rows, source records), written field for field. */
class PostgresWriteRowsTest extends RowKeyFieldsContract<WriteFixture> {

  @RegisterExtension static final PostgresWriteDatabase DATABASE = new PostgresWriteDatabase();

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
                    1,
                    "itemName",
                    "Bolt",
                    "unitCost",
                    new BigDecimal("0.0425"),
                    "active",
                    true,
                    "seenAt",
                    "2024-03-01T10:00:00Z",
                    "tags",
                    List.of("a", "b"),
                    "comment",
                    null)));

    assertThat(fixture().columns("row"))
        .containsExactly(
            "item_id numeric",
            "item_name text",
            "unit_cost numeric",
            "active boolean",
            "seen_at timestamp with time zone",
            "tags jsonb",
            "comment text");
    assertThat(fixture().primaryKey("row")).isEqualTo("item_id");
    Map<String, Object> stored = fixture().row("SELECT * FROM row");
    assertThat(stored)
        .containsEntry("item_name", "Bolt")
        .containsEntry("unit_cost", new BigDecimal("0.0425"))
        .containsEntry("active", true)
        .containsEntry("comment", null);
    assertThat(((Timestamp) stored.get("seen_at")).toInstant())
        .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
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

    assertThat(List.of(second.inserted(), second.updated(), second.unchanged()))
        .containsExactly(1L, 1L, 1L);
    assertThat(fixture().rows("SELECT plant, item, qty FROM stock ORDER BY 1, 2"))
        .extracting(r -> r.get("plant") + "/" + r.get("item") + "=" + r.get("qty"))
        .containsExactly("GRZ/B-1=5", "GRZ/B-2=8", "LNZ/B-1=1", "LNZ/B-9=2");
  }

  @Test
  void addsAColumnForAFieldThatAppearsInALaterBatch() {
    fixture()
        .write(
            "events",
            WriteMode.INSERT,
            null,
            "row",
            List.of(row("id", 1), row("id", 2), row("id", 3, "severity", "high")));

    assertThat(fixture().columns("events")).containsExactly("id numeric", "severity text");
    assertThat(fixture().rows("SELECT id, severity FROM events ORDER BY id"))
        .extracting(r -> r.get("severity"))
        .containsExactly(null, null, "high");
  }

  @Test
  void insertWithoutKeyFieldsAppendsEveryRecord() {
    fixture().write("events", WriteMode.INSERT, null, "row", List.of(row("id", 1)));

    WriteResult again =
        fixture().write("events", WriteMode.INSERT, null, "row", List.of(row("id", 1)));

    assertThat(again.inserted()).isEqualTo(1);
    assertThat(fixture().count("events")).isEqualTo(2);
  }

  @Test
  void rejectsTheRowsWithoutAKeyNamingThemAndWritesTheOthers() {
    Map<String, Object> noKey = row("sku", null, "qty", 3);

    WriteResult result =
        fixture()
            .write(
                "stock",
                WriteMode.UPSERT,
                "sku",
                "row",
                List.of(
                    row("sku", "A", "qty", 1), noKey, row("sku", "B", "qty", 2), row("qty", 4)));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(2L, 0L, 0L);
    assertThat(result.rejected().count()).isEqualTo(2);
    assertThat(result.rejected().reasons())
        .containsExactly(Map.entry("no value for the key field 'sku'", 2L));
    assertThat(result.rejected().records())
        .containsExactly("record 2 of the dataset", "record 4 of the dataset");
    assertThat(result.accounted()).isEqualTo(4);
    assertThat(fixture().count("stock")).isEqualTo(2);
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
