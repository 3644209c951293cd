package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.TableName;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * How the MySQL writes count exactly: before a batch is upserted, the stored rows of its keys are
 * copied into a temporary table; afterwards a row of the batch whose key was not there was
 * inserted, and a row some column of which now differs from its copy was updated; every other
 * record was left unchanged. (MySQL's affected-rows count, 1 per insert and 2 per update, does not
 * survive the driver rewriting a batch into multi-row statements.)
 */
final class BeforeImage implements AutoCloseable {

  private final Handle handle;
  private final List<String> keyColumns;
  private final Map<String, String> fragments;

  private BeforeImage(Handle handle, TableName table, List<String> keyColumns) {
    this.handle = handle;
    this.keyColumns = keyColumns;
    TableName before = TableName.of(table.schema(), "millflow_before");
    this.fragments =
        Map.of(
            "before",
            before.quoted(MYSQL),
            "table",
            table.quoted(MYSQL),
            "key",
            MYSQL.list(keyColumns),
            "storedKey",
            MYSQL.list("t", keyColumns),
            "joinOnKey",
            MySqlSql.equal("b", "t", keyColumns));
  }

  /** Creates the (session's) temporary table for {@code table}, keyed by {@code keyColumns}. */
  static BeforeImage open(Handle handle, TableName table, List<String> keyColumns) {
    BeforeImage image = new BeforeImage(handle, table, keyColumns);
    handle.execute(MySqlSql.render("before-drop", image.fragments));
    handle.execute(MySqlSql.render("before-create", image.fragments));
    return image;
  }

  /**
   * Replaces the image with the stored rows of these keys (each a list of the key columns' bind
   * values).
   */
  void capture(List<List<Object>> keys) throws SQLException {
    handle.execute(MySqlSql.render("before-clear", fragments));
    for (int from = 0; from < keys.size(); from += MySqlBatchInsert.KEYS_PER_STATEMENT) {
      List<List<Object>> chunk =
          keys.subList(from, Math.min(keys.size(), from + MySqlBatchInsert.KEYS_PER_STATEMENT));
      String sql =
          MySqlSql.render(
              "before-capture",
              with("keys", MySqlSql.rowPlaceholders(chunk.size(), keyColumns.size())));
      try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
        int index = 1;
        for (List<Object> key : chunk) {
          MySqlValues.bind(statement, index, key);
          index += key.size();
        }
        statement.executeUpdate();
      }
    }
  }

  /** How many of the captured keys were stored. */
  long storedCount() {
    return handle.createQuery(MySqlSql.render("before-count", fragments)).mapTo(Long.class).one();
  }

  /** The captured keys (single-column keys only), as text. */
  List<String> storedKeys() {
    return handle.createQuery(MySqlSql.render("before-keys", fragments)).mapTo(String.class).list();
  }

  /**
   * The keys (first key column, as text) of captured rows in which one of {@code columns} differs
   * now.
   */
  List<String> changedKeys(List<String> columns) {
    return handle
        .createQuery(
            MySqlSql.render("changed-keys", with("unchanged", MySqlSql.equal("b", "t", columns))))
        .map((rs, ctx) -> rs.getString(1))
        .list();
  }

  @Override
  public void close() {
    handle.execute(MySqlSql.render("before-drop", fragments));
  }

  private Map<String, String> with(String name, String fragment) {
    Map<String, String> all = new HashMap<>(fragments);
    all.put(name, fragment);
    return all;
  }
}
