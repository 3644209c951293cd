package io.millflow.connector.mysql;

import java.sql.SQLException;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Rows nested in each unified record that live in a table of their own (purchase-order lines),
 * replaced as a whole when their parent record is inserted or updated. Entities without nested rows
 * use {@link #none()}.
 */
interface MySqlNestedRows<T> {

  /**
   * Creates or extends the nested table; MySQL commits DDL on its own, so this runs before the
   * transaction.
   */
  void prepareTable(Handle handle);

  /** Empties the nested table, for {@code replace}, inside the write's transaction. */
  void clear(Handle handle);

  /** Replaces the nested rows of these parents (the ones a batch inserted or updated). */
  void replace(Handle handle, Collection<T> changedParents) throws SQLException;

  static <T> MySqlNestedRows<T> none() {
    return new MySqlNestedRows<>() {
      @Override
      public void prepareTable(Handle handle) {}

      @Override
      public void clear(Handle handle) {}

      @Override
      public void replace(Handle handle, Collection<T> changedParents) {}
    };
  }
}
