package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.model.Address;
import io.millflow.model.DowntimeEvent;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedRecords;
import io.millflow.model.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layouts derived from the model classes: names, types, flattening, and the stable
 * purchase-order layout.
 */
class EntityLayoutTest {

  @Test
  void declaresALayoutForEveryUnifiedEntity() {
    assertThat(EntityLayout.all())
        .extracting(EntityLayout::entity)
        .containsExactlyElementsOf(UnifiedRecords.ENTITIES.keySet());
    assertThat(EntityLayout.forEntity("row")).isEmpty();
    assertThat(EntityLayout.all())
        .allSatisfy(
            layout ->
                assertThat(layout.names())
                    .startsWith("key")
                    .contains(
                        "source_system",
                        "source_connection",
                        "source_id",
                        "source_updated_at",
                        "custom_fields",
                        "raw"));
  }

  @Test
  void keepsThePurchaseOrderLayoutAsDocumented() {
    assertThat(PurchaseOrderLayout.ORDERS.names())
        .containsExactly(
            "key",
            "order_number",
            "vendor_key",
            "status",
            "type",
            "currency",
            "order_date",
            "required_date",
            "approved_at",
            "ship_to_name",
            "ship_to_line1",
            "ship_to_line2",
            "ship_to_city",
            "ship_to_region",
            "ship_to_postal_code",
            "ship_to_country",
            "ship_to_text",
            "bill_to_name",
            "bill_to_line1",
            "bill_to_line2",
            "bill_to_city",
            "bill_to_region",
            "bill_to_postal_code",
            "bill_to_country",
            "bill_to_text",
            "payment_terms",
            "incoterms",
            "site_key",
            "notes",
            "total_amount",
            "created_at",
            "updated_at",
            "source_system",
            "source_connection",
            "source_id",
            "source_updated_at",
            "custom_fields",
            "raw");
    assertThat(Column.names(PurchaseOrderLayout.LINE_COLUMNS))
        .containsExactly(
            "order_key",
            "line_number",
            "key",
            "item_code",
            "item_key",
            "description",
            "quantity",
            "received_quantity",
            "unit_of_measure",
            "unit_price",
            "amount",
            "status",
            "required_date",
            "delivery_date",
            "deliveries",
            "updated_at");
    assertThat(PurchaseOrderLayout.LINE_COLUMNS)
        .filteredOn(column -> column.name().equals("deliveries"))
        .singleElement()
        .extracting(Column::type)
        .isEqualTo(ColumnType.JSON);
  }

  @Test
  void typesColumnsByTheirJavaTypeAndNeverAsFloatingPoint() {
    assertThat(types(EntityLayout.of(DowntimeEvent.class)))
        .containsEntry("started_at", ColumnType.TIMESTAMP)
        .containsEntry("duration_seconds", ColumnType.BIGINT)
        .containsEntry("planned", ColumnType.BOOLEAN)
        .containsEntry("reason_code", ColumnType.TEXT)
        .containsEntry("custom_fields", ColumnType.JSON)
        .containsEntry("raw", ColumnType.JSON);
    assertThat(types(EntityLayout.of(io.millflow.model.ProductionRecord.class)))
        .containsEntry("oee", ColumnType.DECIMAL)
        .containsEntry("good_count", ColumnType.BIGINT);
    assertThat(types(PurchaseOrderLayout.ORDERS)).containsEntry("total_amount", ColumnType.DECIMAL);
  }

  @Test
  void flattensAddressAndSourceAndReadsKeyAndVersion() {
    Instant at = Instant.parse("2024-03-01T10:00:00Z");
    Vendor vendor =
        new Vendor(
            "V-1",
            "ACME",
            "Acme",
            "active",
            true,
            null,
            "EUR",
            null,
            null,
            null,
            null,
            new Address(null, "Main 1", null, "Graz", null, "8020", "AT", null),
            null,
            null,
            null,
            new SourceRef("plex", "plex-prod", "s-1", at),
            Map.of("tier", 1),
            null);
    EntityLayout<Vendor> layout = EntityLayout.of(Vendor.class);

    assertThat(values(layout, vendor))
        .containsEntry("address_city", "Graz")
        .containsEntry("address_line1", "Main 1")
        .containsEntry("source_id", "s-1")
        .containsEntry("source_updated_at", at)
        .containsEntry("custom_fields", Map.of("tier", 1));
    assertThat(layout.key(vendor)).isEqualTo("V-1");
    assertThat(layout.sourceUpdatedAt(vendor)).isEqualTo(at);
    assertThat(layout.tableColumns()).last().extracting(Column::name).isEqualTo("synced_at");
  }

  @Test
  void keepsNullsOfAbsentNestedRecords() {
    EntityLayout<PurchaseOrder> layout = PurchaseOrderLayout.ORDERS;
    PurchaseOrder order =
        new PurchaseOrder(
            "1", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, List.of(), null, null, null);

    assertThat(layout.sourceUpdatedAt(order)).isNull();
    assertThat(values(layout, order).get("ship_to_city")).isNull();
  }

  private static Map<String, ColumnType> types(EntityLayout<?> layout) {
    Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
    layout.columns().forEach(column -> types.put(column.name(), column.type()));
    return types;
  }

  private static <T extends Record> Map<String, Object> values(EntityLayout<T> layout, T record) {
    Map<String, Object> values = new java.util.HashMap<>();
    layout.columns().forEach(column -> values.put(column.name(), column.valueOf(record)));
    return values;
  }
}
