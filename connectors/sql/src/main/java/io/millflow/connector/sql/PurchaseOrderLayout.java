package io.millflow.connector.sql;

import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What purchase orders add to their {@link EntityLayout}: the line table, named after the order
 * table plus {@code _line}, keyed by (order_key, line_number), with the columns derived from {@link
 * PurchaseOrderLine} after the order's key.
 */
public final class PurchaseOrderLayout {

  public static final EntityLayout<PurchaseOrder> ORDERS = EntityLayout.of(PurchaseOrder.class);
  public static final List<String> LINE_KEY = List.of("order_key", "line_number");
  public static final String LINE_TABLE_SUFFIX = "_line";

  /** The line columns loaded from records, in table order. */
  public static final List<Column<OrderLine>> LINE_COLUMNS = lineColumns();

  /** One line with the key of its order, the unit the line table is loaded from. */
  public record OrderLine(String orderKey, PurchaseOrderLine line) {}

  private PurchaseOrderLayout() {}

  private static List<Column<OrderLine>> lineColumns() {
    List<Column<OrderLine>> columns = new ArrayList<>();
    columns.add(Column.of("order_key", ColumnType.TEXT, OrderLine::orderKey));
    for (Column<PurchaseOrderLine> column : RecordColumns.of(PurchaseOrderLine.class)) {
      columns.add(Column.of(column.name(), column.type(), line -> column.valueOf(line.line())));
    }
    return List.copyOf(columns);
  }
}
