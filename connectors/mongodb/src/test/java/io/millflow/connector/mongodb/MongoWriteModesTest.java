package io.millflow.connector.mongodb;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Insert and replace modes, generic datasets, and the failures a user can fix. */
class MongoWriteModesTest {

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private WriteFixture fixture;

  @BeforeEach
  void freshDatabase() {
    fixture = new WriteFixture(mongo, 2);
  }

  @Test
  void insertModeAddsNewOrdersAndLeavesStoredOnesAsTheyAre() {
    fixture.writeOrders(List.of(order("1", T0, "open", line(1, "1"))));

    WriteResult result =
        orders(WriteMode.INSERT, order("1", T0.plusSeconds(9), "approved"), order("2", T0, "open"));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(fixture.orders())
        .extracting(d -> d.get("_id") + ":" + d.get("status"))
        .containsExactly("1:open", "2:open");
    assertThat(fixture.orders().get(1).keySet())
        .contains("_id", "orderNumber", "lines", "source", "raw");
  }

  @Test
  void replaceModeDeletesEveryDocumentThenLoads() {
    fixture.writeOrders(List.of(order("1", T0, "open"), order("2", T0, "open")));

    WriteResult result = orders(WriteMode.REPLACE, order("3", T0, "open"));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 0L, 0L);
    assertThat(fixture.orders()).extracting(d -> d.get("_id")).containsExactly("3");
  }

  @Test
  void upsertsAGenericDatasetOnItsKeyFields() {
    List<Map<String, Object>> first =
        List.of(row(1, "A", "1.10"), row(2, "A", "2.20"), row(1, "B", "9"));
    fixture.write("readings", WriteMode.UPSERT, "machine, seq", "row", first);

    WriteResult result =
        fixture.write(
            "readings",
            null,
            "machine,seq",
            "row",
            List.of(row(1, "A", "1.10"), row(2, "A", "7.77"), row(3, "A", "3")));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 1L, 1L);
    List<Document> stored = fixture.documents("readings", "seq");
    assertThat(stored).hasSize(4);
    assertThat(stored)
        .filteredOn(d -> "A".equals(d.get("machine")) && Integer.valueOf(2).equals(d.get("seq")))
        .singleElement()
        .satisfies(
            d -> assertThat(d.get("value")).isEqualTo(new Decimal128(new BigDecimal("7.77"))));
  }

  @Test
  void insertsAGenericDatasetWithoutKeysAsNewDocuments() {
    WriteResult result =
        fixture.write(
            "events", WriteMode.INSERT, null, "row", List.of(row(1, "A", "1"), row(1, "A", "1")));

    assertThat(result.inserted()).isEqualTo(2);
    assertThat(fixture.collection("events").countDocuments()).isEqualTo(2);
  }

  @Test
  void upsertOfAGenericDatasetWithoutKeyFieldsFailsNamingTheInput() {
    assertThatThrownBy(
            () ->
                fixture.write("readings", WriteMode.UPSERT, null, "row", List.of(row(1, "A", "1"))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY_FIELDS"))
        .hasMessageContaining("'keyFields'");
  }

  @Test
  void aRecordWithoutItsKeyFieldFailsNamingRecordAndField() {
    assertThatThrownBy(
            () ->
                fixture.write(
                    "readings",
                    null,
                    "machine,seq",
                    "row",
                    List.of(row(1, "A", "1"), Map.of("machine", "A"))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY"))
        .hasMessageContaining("Record 2")
        .hasMessageContaining("'seq'");
  }

  @Test
  void rejectsAnInvalidCollectionNameBeforeWriting() {
    for (String name :
        List.of("orders; drop", "$cmd", "system.users", "a..b", "1orders", "x".repeat(121))) {
      assertThatThrownBy(() -> fixture.write(name, null, null, PurchaseOrder.ENTITY, List.of()))
          .isInstanceOfSatisfying(
              StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_COLLECTION"))
          .hasMessageContaining("'collection'");
    }
  }

  @Test
  void rejectsKeyFieldsOtherThanKeyForPurchaseOrders() {
    assertThatThrownBy(
            () -> fixture.write(null, null, "orderNumber", PurchaseOrder.ENTITY, List.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_KEY_FIELDS"));
  }

  @Test
  void rejectsAnOrderWithoutKey() {
    assertThatThrownBy(
            () -> fixture.writeOrders(List.of(order("1", T0, "open"), order(null, T0, "open"))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY"))
        .hasMessageContaining("Record 2");
  }

  @Test
  void rejectsADecimalMongoDbCannotHoldExactly() {
    PurchaseOrder order = order("1", T0, "open", line(1, "1." + "1".repeat(40)));

    assertThatThrownBy(() -> fixture.writeOrders(List.of(order)))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_DATA"))
        .hasMessageContaining("lines.quantity");
  }

  private WriteResult orders(WriteMode mode, PurchaseOrder... orders) {
    return fixture.write(null, mode, null, PurchaseOrder.ENTITY, List.of(orders));
  }

  private static Map<String, Object> row(int seq, String machine, String value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("machine", machine);
    row.put("seq", seq);
    row.put("value", new BigDecimal(value));
    row.put("note", null);
    return row;
  }
}
