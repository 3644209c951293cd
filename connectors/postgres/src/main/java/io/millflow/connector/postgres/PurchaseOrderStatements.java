package io.millflow.connector.postgres;

import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_KEY;
import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteMode;
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
        "orders", orders.quoted(POSTGRES),
        "columns", POSTGRES.list(orderColumns),
        "key", POSTGRES.list(ORDER_KEY),
        "assignments", PostgresSql.assignmentsFromExcluded(compared),
        "storedValues", POSTGRES.list("t", compared),
        "stagedValues", POSTGRES.list("excluded", compared));
    return new PurchaseOrderStatements(
        stage(ORDER_STAGE, orders, orderColumns),
        stage(LINE_STAGE, lines, lineColumns),
        PostgresSql.render("orders-changed-create"),
        PostgresSql.render(mode == WriteMode.INSERT ? "orders-insert" : "orders-upsert", merge),
        PostgresSql.render("orders-changed-count"),
        PostgresSql.render("lines-delete", Map.of("lines", lines.quoted(POSTGRES))),
        PostgresSql.render("lines-insert", Map.of("lines", lines.quoted(POSTGRES),
            "columns", POSTGRES.list(lineColumns), "stagedColumns", POSTGRES.list("s", lineColumns))),
        PostgresSql.render("orders-stage-clear"),
        PostgresSql.render("table-truncate",
            Map.of("tables", orders.quoted(POSTGRES) + ", " + lines.quoted(POSTGRES))));
  }

  private static String stage(String stage, TableName target, List<String> columns) {
    return PostgresSql.render("stage-create",
        Map.of("stage", stage, "target", target.quoted(POSTGRES), "columns", POSTGRES.list(columns)));
  }
}
