package io.millflow.connector.postgres;

import static io.millflow.connector.postgres.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.postgres.PurchaseOrderLayout.ORDER_COLUMNS;
import static io.millflow.connector.postgres.PurchaseOrderLayout.ORDER_KEY;

import java.util.List;
import java.util.Map;

/** The statements of one purchase-order write, rendered once from the sql/ templates and the layout's column lists. */
record PurchaseOrderStatements(
    String createOrderStage,
    String createLineStage,
    String createChangedOrders,
    String mergeOrders,
    String countChangedOrders,
    String deleteChangedLines,
    String insertChangedLines,
    String clearStages,
    String truncateTargets) {

  static final String ORDER_STAGE = "millflow_stage_order";
  static final String LINE_STAGE = "millflow_stage_order_line";

  static PurchaseOrderStatements of(TableName orders, TableName lines, WriteMode mode) {
    List<String> orderColumns = Column.names(ORDER_COLUMNS);
    List<String> lineColumns = Column.names(LINE_COLUMNS);
    List<String> compared = orderColumns.stream().filter(column -> !ORDER_KEY.contains(column)).toList();
    Map<String, String> merge = Map.of(
        "orders", orders.quoted(),
        "columns", Identifiers.list(orderColumns),
        "key", Identifiers.list(ORDER_KEY),
        "assignments", Identifiers.assignmentsFromExcluded(compared),
        "storedValues", Identifiers.list("t", compared),
        "stagedValues", Identifiers.list("excluded", compared));
    return new PurchaseOrderStatements(
        stage(ORDER_STAGE, orders, orderColumns),
        stage(LINE_STAGE, lines, lineColumns),
        SqlTemplates.render("orders-changed-create"),
        SqlTemplates.render(mode == WriteMode.INSERT ? "orders-insert" : "orders-upsert", merge),
        SqlTemplates.render("orders-changed-count"),
        SqlTemplates.render("lines-delete", Map.of("lines", lines.quoted())),
        SqlTemplates.render("lines-insert", Map.of("lines", lines.quoted(),
            "columns", Identifiers.list(lineColumns), "stagedColumns", Identifiers.list("s", lineColumns))),
        SqlTemplates.render("orders-stage-clear"),
        SqlTemplates.render("table-truncate", Map.of("tables", orders.quoted() + ", " + lines.quoted())));
  }

  private static String stage(String stage, TableName target, List<String> columns) {
    return SqlTemplates.render("stage-create",
        Map.of("stage", stage, "target", target.quoted(), "columns", Identifiers.list(columns)));
  }
}
