package io.millflow.connector.mysql;

import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_KEY;
import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.PurchaseOrderBatch;
import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.TableName;
import io.millflow.model.PurchaseOrder;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The line table of purchase orders: {@code <orders>_line}, keyed by (order_key, line_number). */
final class MySqlOrderLines implements MySqlNestedRows<PurchaseOrder> {

  private final TableName lines;

  MySqlOrderLines(TableName orders) {
    this.lines = orders.withSuffix(PurchaseOrderLayout.LINE_TABLE_SUFFIX);
  }

  @Override
  public void prepareTable(Handle handle) {
    MySqlTableSchema.ensure(handle, lines, EntityLayout.withSyncedAt(LINE_COLUMNS), LINE_KEY);
  }

  @Override
  public void clear(Handle handle) {
    handle.execute(MySqlSql.render("table-delete", Map.of("table", lines.quoted(MYSQL))));
  }

  @Override
  public void replace(Handle handle, Collection<PurchaseOrder> orders) throws SQLException {
    List<String> keys = orders.stream().map(PurchaseOrder::key).toList();
    for (int from = 0; from < keys.size(); from += MySqlBatchInsert.KEYS_PER_STATEMENT) {
      List<String> chunk =
          keys.subList(from, Math.min(keys.size(), from + MySqlBatchInsert.KEYS_PER_STATEMENT));
      MySqlBatchInsert.execute(
          handle,
          MySqlSql.render(
              "lines-delete",
              Map.of("lines", lines.quoted(MYSQL), "keys", MySqlSql.placeholders(chunk.size()))),
          chunk);
    }
    String insert =
        MySqlSql.render(
            "lines-insert",
            Map.of(
                "lines",
                lines.quoted(MYSQL),
                "columns",
                MYSQL.list(Column.names(LINE_COLUMNS)),
                "placeholders",
                MySqlSql.placeholders(LINE_COLUMNS.size())));
    MySqlBatchInsert.run(handle, insert, LINE_COLUMNS, PurchaseOrderBatch.linesOf(orders));
  }
}
