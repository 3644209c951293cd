package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs every SQL sink reads the same way, and the types generic rows get. */
class WriteTargetTest {

  @Test
  void defaultsTheTableToTheEntityAndKeysPurchaseOrdersByKey() {
    WriteTarget target = WriteTarget.of(null, null, null, "purchaseOrder", "plant");

    assertThat(target.table()).isEqualTo(new TableName("plant", "purchase_order"));
    assertThat(target.mode()).isEqualTo(WriteMode.UPSERT);
    assertThat(target.keyColumns()).containsExactly("key");
    assertThat(target.isPurchaseOrder()).isTrue();
  }

  @Test
  void keysEveryUnifiedEntityByKeyAndRefusesOtherKeyFields() {
    WriteTarget target = WriteTarget.of(null, null, null, "downtimeEvent", "plant");

    assertThat(target.table()).isEqualTo(new TableName("plant", "downtime_event"));
    assertThat(target.keyColumns()).containsExactly("key");
    assertThat(target.layout()).map(EntityLayout::entity).contains("downtimeEvent");
    assertThat(target.isPurchaseOrder()).isFalse();
    assertThatThrownBy(() -> WriteTarget.of(null, null, "assetKey", "downtimeEvent", "plant"))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_KEY_FIELDS"));
  }

  @Test
  void readsKeyFieldsAsSnakeCaseColumns() {
    WriteTarget target =
        WriteTarget.of("erp.Stock", WriteMode.INSERT, " plantId, itemCode ", "row", "plant");

    assertThat(target.table().toString()).isEqualTo("erp.stock");
    assertThat(target.keyColumns()).containsExactly("plant_id", "item_code");
  }

  @Test
  void refusesToUpsertAGenericDatasetWithoutKeyFields() {
    assertThatThrownBy(() -> WriteTarget.of("stock", null, null, "row", "plant"))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY_FIELDS"));
    assertThat(WriteTarget.of("stock", WriteMode.INSERT, null, "row", "plant").keyColumns())
        .isEmpty();
  }

  @Test
  void infersColumnTypesFromTheFirstNonNullValue() throws Exception {
    List<JsonNode> records =
        List.of(
            Json.mapper()
                .readTree("{\"id\": 1, \"seenAt\": \"2024-03-01T10:00:00Z\", \"note\": null}"),
            Json.mapper().readTree("{\"id\": 2, \"note\": \"x\", \"tags\": [1], \"ok\": true}"));

    JsonRows.Batch batch = new JsonRows(List.of("id")).batch(records, 0);

    assertThat(batch.columnTypes())
        .containsExactly(
            java.util.Map.entry("id", ColumnType.DECIMAL),
            java.util.Map.entry("seen_at", ColumnType.TIMESTAMP),
            java.util.Map.entry("note", ColumnType.TEXT),
            java.util.Map.entry("tags", ColumnType.JSON),
            java.util.Map.entry("ok", ColumnType.BOOLEAN));
    assertThat(JsonRows.text(Json.mapper().readTree("1E+2"), false)).isEqualTo("100");
  }
}
