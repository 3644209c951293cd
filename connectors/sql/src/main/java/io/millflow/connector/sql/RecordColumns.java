package io.millflow.connector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Derives a table's columns from a unified record's components, so the layout of every entity follows its model class
 * and a new model field is a new column with no other change. The rules (each SQL connector's README documents the
 * result):
 * <ul>
 *   <li>a simple value is one column named in snake_case, typed by its Java type (text, whole number, decimal,
 *       boolean, timestamp);</li>
 *   <li>a nested record ({@code Address}, {@code SourceRef}) is flattened into one column per component, prefixed with
 *       the field's name: {@code shipTo.city} is {@code ship_to_city}; a component already named with the prefix keeps
 *       its name once: {@code source.sourceId} is {@code source_id}, not {@code source_source_id};</li>
 *   <li>maps and JSON trees ({@code customFields}, {@code raw}) are one JSON column;</li>
 *   <li>collections ({@code lines}) are not columns: they are their own table.</li>
 * </ul>
 */
final class RecordColumns {

  private RecordColumns() {}

  static <T extends Record> List<Column<T>> of(Class<T> type) {
    List<Column<T>> columns = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = Identifiers.snakeCase(component.getName());
      Class<?> valueType = component.getType();
      Function<T, Object> value = record -> read(component, record);
      if (Collection.class.isAssignableFrom(valueType)) {
        continue;
      }
      if (valueType.isRecord()) {
        for (RecordComponent part : valueType.getRecordComponents()) {
          String partName = Identifiers.snakeCase(part.getName());
          columns.add(Column.of(partName.startsWith(name + "_") ? partName : name + "_" + partName, typeOf(part),
              record -> {
                Object parent = value.apply(record);
                return parent == null ? null : read(part, parent);
              }));
        }
      } else {
        columns.add(Column.of(name, typeOf(component), value));
      }
    }
    return List.copyOf(columns);
  }

  private static ColumnType typeOf(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return ColumnType.TEXT;
    }
    if (type == BigDecimal.class) {
      return ColumnType.DECIMAL;
    }
    if (type == Instant.class) {
      return ColumnType.TIMESTAMP;
    }
    if (type == int.class || type == Integer.class) {
      return ColumnType.INTEGER;
    }
    if (type == long.class || type == Long.class) {
      return ColumnType.BIGINT;
    }
    if (type == boolean.class || type == Boolean.class) {
      return ColumnType.BOOLEAN;
    }
    if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
      return ColumnType.JSON;
    }
    throw new IllegalStateException("No column type for " + component.getDeclaringRecord().getSimpleName() + "."
        + component.getName() + " (" + type.getName() + "): add a rule to RecordColumns");
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
