package io.millflow.connector.snowflake;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.TableName;
import java.util.List;

/**
 * One table a Snowflake write loads: its columns (and where their values come from), its key, and
 * whether rows carry a source version (unified records: newer-wins on source_updated_at, and a
 * synced_at column) or not (generic rows).
 *
 * @param stage the temporary table the table's files are copied into
 * @param folder the folder of the load stage its files are PUT to
 */
record LoadTable<R>(
    TableName table,
    List<Column<R>> columns,
    List<String> key,
    boolean unified,
    String stage,
    String folder) {

  List<String> names() {
    return Column.names(columns);
  }

  List<String> valueNames() {
    return names().stream().filter(name -> !key.contains(name)).toList();
  }

  /** The columns the table is created with: the loaded ones, then synced_at for unified records. */
  List<Column<?>> tableColumns() {
    return unified ? EntityLayout.withSyncedAt(columns) : List.copyOf(columns);
  }
}
