package io.millflow.connector.sql;

import static io.millflow.connector.sql.ColumnType.DECIMAL;
import static io.millflow.connector.sql.ColumnType.INTEGER;
import static io.millflow.connector.sql.ColumnType.JSON;
import static io.millflow.connector.sql.ColumnType.TEXT;
import static io.millflow.connector.sql.ColumnType.TIMESTAMP;

import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one declaration of how purchase orders are stored: the order table's and the line table's columns, their types
 * and where each value comes from. Tables are created and extended from these lists, and loading and the upsert use
 * the same lists, so a new model field is one new line here (and becomes a nullable column on the next write).
 * Each connector's README documents the resulting layout in its types.
 */
public final class PurchaseOrderLayout {

  /** The order table's key; the line table is keyed by (order_key, line_number). */
  public static final List<String> ORDER_KEY = List.of("key");
  public static final List<String> LINE_KEY = List.of("order_key", "line_number");
  public static final String LINE_TABLE_SUFFIX = "_line";

  /** When Millflow last inserted or changed the row: the time of that write's transaction. */
  public static final Column<Object> SYNCED_AT = Column.generated("synced_at", ColumnType.SYNC_TIME);

  /** The order columns loaded from records, in table order. */
  public static final List<Column<PurchaseOrder>> ORDER_COLUMNS = orderColumns();

  /** The line columns loaded from records, in table order. */
  public static final List<Column<OrderLine>> LINE_COLUMNS = List.of(
      Column.of("order_key", TEXT, OrderLine::orderKey),
      Column.of("line_number", INTEGER, line -> line.line().lineNumber()),
      Column.of("key", TEXT, line -> line.line().key()),
      Column.of("item_code", TEXT, line -> line.line().itemCode()),
      Column.of("item_key", TEXT, line -> line.line().itemKey()),
      Column.of("description", TEXT, line -> line.line().description()),
      Column.of("quantity", DECIMAL, line -> line.line().quantity()),
      Column.of("received_quantity", DECIMAL, line -> line.line().receivedQuantity()),
      Column.of("unit_of_measure", TEXT, line -> line.line().unitOfMeasure()),
      Column.of("unit_price", DECIMAL, line -> line.line().unitPrice()),
      Column.of("amount", DECIMAL, line -> line.line().amount()),
      Column.of("status", TEXT, line -> line.line().status()),
      Column.of("required_date", TIMESTAMP, line -> line.line().requiredDate()),
      Column.of("delivery_date", TIMESTAMP, line -> line.line().deliveryDate()),
      Column.of("updated_at", TIMESTAMP, line -> line.line().updatedAt()));

  /** One line with the key of its order, the unit the line table is loaded from. */
  public record OrderLine(String orderKey, PurchaseOrderLine line) {}

  private PurchaseOrderLayout() {}

  /** The columns as a table has them: the loaded ones, then {@code synced_at}. */
  public static List<Column<?>> withSyncedAt(List<? extends Column<?>> columns) {
    List<Column<?>> all = new ArrayList<>(columns);
    all.add(SYNCED_AT);
    return List.copyOf(all);
  }

  private static List<Column<PurchaseOrder>> orderColumns() {
    List<Column<PurchaseOrder>> columns = new ArrayList<>(List.of(
        Column.of("key", TEXT, PurchaseOrder::key),
        Column.of("order_number", TEXT, PurchaseOrder::orderNumber),
        Column.of("vendor_key", TEXT, PurchaseOrder::vendorKey),
        Column.of("status", TEXT, PurchaseOrder::status),
        Column.of("type", TEXT, PurchaseOrder::type),
        Column.of("currency", TEXT, PurchaseOrder::currency),
        Column.of("order_date", TIMESTAMP, PurchaseOrder::orderDate),
        Column.of("required_date", TIMESTAMP, PurchaseOrder::requiredDate),
        Column.of("approved_at", TIMESTAMP, PurchaseOrder::approvedAt)));
    columns.addAll(addressColumns("ship_to", PurchaseOrder::shipTo));
    columns.addAll(addressColumns("bill_to", PurchaseOrder::billTo));
    columns.addAll(List.of(
        Column.of("payment_terms", TEXT, PurchaseOrder::paymentTerms),
        Column.of("incoterms", TEXT, PurchaseOrder::incoterms),
        Column.of("site_key", TEXT, PurchaseOrder::siteKey),
        Column.of("notes", TEXT, PurchaseOrder::notes),
        Column.of("total_amount", DECIMAL, PurchaseOrder::totalAmount),
        Column.of("created_at", TIMESTAMP, PurchaseOrder::createdAt),
        Column.of("updated_at", TIMESTAMP, PurchaseOrder::updatedAt),
        Column.of("source_system", TEXT, source(SourceRef::system)),
        Column.of("source_connection", TEXT, source(SourceRef::connection)),
        Column.of("source_id", TEXT, source(SourceRef::sourceId)),
        Column.of("source_updated_at", TIMESTAMP, source(SourceRef::sourceUpdatedAt)),
        Column.of("custom_fields", JSON, PurchaseOrder::customFields),
        Column.of("raw", JSON, PurchaseOrder::raw)));
    return List.copyOf(columns);
  }

  /** Addresses are flattened into {@code <prefix>_line1}, ... so they can be queried and joined without JSON. */
  private static List<Column<PurchaseOrder>> addressColumns(String prefix, Function<PurchaseOrder, Address> address) {
    return List.of(
        Column.of(prefix + "_name", TEXT, address(address, Address::name)),
        Column.of(prefix + "_line1", TEXT, address(address, Address::line1)),
        Column.of(prefix + "_line2", TEXT, address(address, Address::line2)),
        Column.of(prefix + "_city", TEXT, address(address, Address::city)),
        Column.of(prefix + "_region", TEXT, address(address, Address::region)),
        Column.of(prefix + "_postal_code", TEXT, address(address, Address::postalCode)),
        Column.of(prefix + "_country", TEXT, address(address, Address::country)),
        Column.of(prefix + "_text", TEXT, address(address, Address::text)));
  }

  private static Function<PurchaseOrder, Object> address(Function<PurchaseOrder, Address> address,
      Function<Address, String> part) {
    return order -> {
      Address value = address.apply(order);
      return value == null ? null : part.apply(value);
    };
  }

  private static Function<PurchaseOrder, Object> source(Function<SourceRef, Object> part) {
    return order -> order.source() == null ? null : part.apply(order.source());
  }
}
