package io.millflow.connector.postgres;

import io.millflow.connector.sql.WriteMode;
import java.sql.SQLException;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Rows nested in each unified record that live in a table of their own (purchase-order lines),
 * replaced as a whole when their parent record is inserted or updated. Entities without nested rows
 * use {@link #none()}.
 */
interface NestedRows<T> {

  /**
   * Creates or extends the nested table, empties it for {@code replace}, and creates its staging
   * table.
   */
  void prepare(Handle handle, WriteMode mode);

  /** Loads the nested rows of a batch's parents into the staging table; checks them first. */
  void stage(Handle handle, Collection<T> parents) throws SQLException;

  /**
   * Loads the nested rows of parents none of which is stored yet straight into the nested table
   * (the direct path); checks them first.
   */
  void load(Handle handle, Collection<T> parents, Collection<String> keys) throws SQLException;

  /**
   * Replaces the nested rows of the parents the batch's merge changed ({@code millflow_changed});
   * clears the stage.
   */
  void replaceChanged(Handle handle);

  static <T> NestedRows<T> none() {
    return new NestedRows<>() {
      @Override
      public void prepare(Handle handle, WriteMode mode) {}

      @Override
      public void stage(Handle handle, Collection<T> parents) {}

      @Override
      public void load(Handle handle, Collection<T> parents, Collection<String> keys) {}

      @Override
      public void replaceChanged(Handle handle) {}
    };
  }
}
