package io.millflow.connector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.PurchaseOrderLine;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives a table's columns from a unified record's components, so the layout of every entity
 * follows its model class and a new model field is a new column with no other change. The rules
 * (each SQL connector's README documents the result):
 *
 * <ul>
 *   <li>a simple value is one column named in snake_case, typed by its Java type (text, whole
 *       number, decimal, boolean, timestamp);
 *   <li>a nested record ({@code Address}, {@code SourceRef}) is flattened into one column per
 *       component, prefixed with the field's name: {@code shipTo.city} is {@code ship_to_city}; a
 *       component already named with the prefix keeps its name once: {@code source.sourceId} is
 *       {@code source_id}, not {@code source_source_id};
 *   <li>maps, JSON trees and lists ({@code customFields}, {@code raw}, a line's {@code deliveries})
 *       are one JSON column;
 *   <li>but a list of the records that have a table of their own ({@code lines}, {@link
 *       PurchaseOrderLayout}) is not a column.
 * </ul>
 */
final class RecordColumns {

  /** The records stored in a table of their own, keyed by their parent's key. */
  private static final Set<Class<?>> OWN_TABLE = Set.of(PurchaseOrderLine.class);

  private RecordColumns() {}

  static <T extends Record> List<Column<T>> of(Class<T> type) {
    List<Column<T>> columns = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = Identifiers.snakeCase(component.getName());
      Class<?> valueType = component.getType();
      Function<Object, Object> accessor = accessor(component);
      Function<T, Object> value = accessor::apply;
      if (hasOwnTable(component)) {
        continue;
      }
      if (valueType.isRecord()) {
        for (RecordComponent part : valueType.getRecordComponents()) {
          String partName = Identifiers.snakeCase(part.getName());
          Function<Object, Object> partAccessor = accessor(part);
          columns.add(
              Column.of(
                  partName.startsWith(name + "_") ? partName : name + "_" + partName,
                  typeOf(part),
                  record -> {
                    Object parent = accessor.apply(record);
                    return parent == null ? null : partAccessor.apply(parent);
                  }));
        }
      } else {
        columns.add(Column.of(name, typeOf(component), value));
      }
    }
    return List.copyOf(columns);
  }

  private static boolean hasOwnTable(RecordComponent component) {
    return Collection.class.isAssignableFrom(component.getType())
        && component.getGenericType() instanceof ParameterizedType collection
        && OWN_TABLE.contains(collection.getActualTypeArguments()[0]);
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
    if (Map.class.isAssignableFrom(type)
        || JsonNode.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)) {
      return ColumnType.JSON;
    }
    throw new IllegalStateException(
        "No column type for "
            + component.getDeclaringRecord().getSimpleName()
            + "."
            + component.getName()
            + " ("
            + type.getName()
            + "): add a rule to RecordColumns");
  }

  /**
   * The component's accessor as a plain function (a lambda class spun once per component), not a
   * reflective call: writes read every column of every record, millions of times per run.
   */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object> accessor(RecordComponent component) {
    Method method = component.getAccessor();
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle handle = lookup.unreflect(method);
      MethodType erased = MethodType.methodType(Object.class, Object.class);
      MethodType instantiated = handle.type().wrap();
      return (Function<Object, Object>)
          LambdaMetafactory.metafactory(
                  lookup,
                  "apply",
                  MethodType.methodType(Function.class),
                  erased,
                  handle,
                  instantiated)
              .getTarget()
              .invokeExact();
    } catch (Throwable e) {
      // A lookup this class may not use (another class loader): the reflective call still works,
      // only slower.
      return record -> read(method, record);
    }
  }

  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "Cannot read " + accessor.getName() + " of " + record.getClass(), e);
    }
  }
}
