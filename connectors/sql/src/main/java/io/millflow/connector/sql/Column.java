package io.millflow.connector.sql;

import java.util.List;
import java.util.function.Function;

/**
 * One column of a table Millflow manages: its name, its kind and how to get its value from a
 * record; {@code value} is null for a column the database fills itself ({@link
 * ColumnType#SYNC_TIME}).
 */
public record Column<T>(String name, ColumnType type, Function<T, Object> value) {

  public static <T> Column<T> of(String name, ColumnType type, Function<T, ?> value) {
    return new Column<>(name, type, value::apply);
  }

  /** A column the database fills itself (a default), not loaded from records. */
  public static <T> Column<T> generated(String name, ColumnType type) {
    return new Column<>(name, type, null);
  }

  /** This column's value in a record. */
  public Object valueOf(T record) {
    return value.apply(record);
  }

  public static List<String> names(List<? extends Column<?>> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
