package io.millflow.connector.postgres;

import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_KEY;
import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.PurchaseOrderBatch;
import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.PurchaseOrderLayout.OrderLine;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteMode;
import io.millflow.model.PurchaseOrder;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The line table of purchase orders: {@code <orders>_line}, keyed by (order_key, line_number). */
final class OrderLines implements NestedRows<PurchaseOrder> {

  static final String STAGE = "millflow_stage_line";

  private final TableName lines;

  /**
   * Whether the line table held rows when the write began: then a new order may find orphan lines
   * to replace.
   */
  private boolean hadRows;

  OrderLines(TableName orders) {
    this.lines = orders.withSuffix(PurchaseOrderLayout.LINE_TABLE_SUFFIX);
  }

  @Override
  public void prepare(Handle handle, WriteMode mode) {
    PostgresTableSchema.ensure(handle, lines, EntityLayout.withSyncedAt(LINE_COLUMNS), LINE_KEY);
    if (mode == WriteMode.REPLACE) {
      handle.execute(
          PostgresSql.render("table-truncate", Map.of("tables", lines.quoted(POSTGRES))));
    }
    hadRows =
        handle
            .createQuery(
                PostgresSql.render("table-has-rows", Map.of("table", lines.quoted(POSTGRES))))
            .mapTo(Boolean.class)
            .one();
    handle.execute(PostgresSql.stage(STAGE, lines, Column.names(LINE_COLUMNS)));
  }

  @Override
  public void stage(Handle handle, Collection<PurchaseOrder> orders) throws SQLException {
    CsvCopy.load(handle, STAGE, LINE_COLUMNS, PurchaseOrderBatch.linesOf(orders));
  }

  @Override
  public void load(Handle handle, Collection<PurchaseOrder> orders, Collection<String> keys)
      throws SQLException {
    List<OrderLine> rows = PurchaseOrderBatch.linesOf(orders);
    if (hadRows) {
      handle
          .createUpdate(
              PostgresSql.render("lines-delete-orphans", Map.of("lines", lines.quoted(POSTGRES))))
          .bindArray("keys", String.class, keys)
          .execute();
    }
    CsvCopy.load(handle, lines.quoted(POSTGRES), LINE_COLUMNS, rows);
  }

  @Override
  public void replaceChanged(Handle handle) {
    List<String> columns = Column.names(LINE_COLUMNS);
    handle.execute(PostgresSql.render("lines-delete", Map.of("lines", lines.quoted(POSTGRES))));
    handle.execute(
        PostgresSql.render(
            "lines-insert",
            Map.of(
                "lines",
                lines.quoted(POSTGRES),
                "columns",
                POSTGRES.list(columns),
                "stagedColumns",
                POSTGRES.list("s", columns))));
    handle.execute(PostgresSql.render("table-truncate", Map.of("tables", STAGE)));
  }
}
