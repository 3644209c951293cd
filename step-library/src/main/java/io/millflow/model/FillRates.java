package io.millflow.model;

import io.millflow.step.FieldFill;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, over the records of a run, how many have a value in each standard field of a unified
 * entity: every component but {@code source}, {@code customFields} and {@code raw}; the fields of
 * nested records (purchase-order lines) as {@code lines.quantity}, counted per line. Empty: null,
 * blank text, an empty list. Not thread-safe.
 */
public final class FillRates {

  private static final Set<String> NOT_STANDARD = Set.of("source", "customFields", "raw");

  private record Field(String name, MethodHandle accessor, FillRates nested) {}

  private final List<Field> fields = new ArrayList<>();
  private final long[] filled;
  private long total;

  private FillRates(Class<?> type, String prefix) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (!NOT_STANDARD.contains(component.getName())) {
        fields.add(
            new Field(
                prefix + component.getName(), accessor(component), nested(component, prefix)));
      }
    }
    filled = new long[fields.size()];
  }

  /** Counts for records of this unified type. */
  public static FillRates of(Class<? extends Record> type) {
    return new FillRates(type, "");
  }

  public void count(Object record) {
    total++;
    for (int i = 0; i < filled.length; i++) {
      Field field = fields.get(i);
      Object value = valueOf(field, record);
      if (field.nested != null && value instanceof Collection<?> items) {
        items.forEach(field.nested::count);
      }
      if (isFilled(value)) {
        filled[i]++;
      }
    }
  }

  /** The fill of each field, in the record's order, nested fields after their list. */
  public Map<String, FieldFill> rates() {
    Map<String, FieldFill> rates = new LinkedHashMap<>();
    for (int i = 0; i < filled.length; i++) {
      Field field = fields.get(i);
      rates.put(field.name, new FieldFill(filled[i], total));
      if (field.nested != null) {
        rates.putAll(field.nested.rates());
      }
    }
    return rates;
  }

  private static boolean isFilled(Object value) {
    return switch (value) {
      case null -> false;
      case String text -> !text.isBlank();
      case Collection<?> items -> !items.isEmpty();
      default -> true;
    };
  }

  private static Object valueOf(Field field, Object record) {
    try {
      return field.accessor.invoke(record);
    } catch (Throwable e) {
      throw new IllegalStateException(
          "Cannot read " + field.name + " of " + record.getClass().getSimpleName(), e);
    }
  }

  private static MethodHandle accessor(RecordComponent component) {
    try {
      return MethodHandles.publicLookup().unreflect(component.getAccessor());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + component, e);
    }
  }

  /** Counts for the records of a list component ({@code List<PurchaseOrderLine>}), or null. */
  private static FillRates nested(RecordComponent component, String prefix) {
    if (component.getType() == List.class
        && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> item
        && item.isRecord()) {
      return new FillRates(item, prefix + component.getName() + ".");
    }
    return null;
  }
}
