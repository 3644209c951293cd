package io.millflow.connector.postgres;

import java.util.List;
import java.util.function.Function;

/**
 * One column of a table Millflow manages: its name, its SQL type (with constraints when it is not a model field) and
 * how to get its value from a record; {@code value} is null for a column the database fills itself.
 */
record Column<T>(String name, String type, Function<T, Object> value) {

  static <T> Column<T> of(String name, String type, Function<T, ?> value) {
    return new Column<>(name, type, value::apply);
  }

  /** A column the database fills itself (a default), not loaded from records. */
  static <T> Column<T> generated(String name, String typeAndDefault) {
    return new Column<>(name, typeAndDefault, null);
  }

  static List<String> names(List<? extends Column<?>> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
