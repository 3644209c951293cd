package io.millflow.engine.records;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running values of one group's aggregates. */
final class Group {

  private final Map<String, Object> keyFields;
  private final List<Aggregate> aggregates;
  private final Object[] values;
  private final boolean[] seen;

  Group(Map<String, Object> keyFields, List<Aggregate> aggregates) {
    this.keyFields = keyFields;
    this.aggregates = aggregates;
    this.values = new Object[aggregates.size()];
    this.seen = new boolean[aggregates.size()];
  }

  /**
   * Adds a record to the group, all of its aggregates or none.
   *
   * @throws RecordRejected when a value does not fit its aggregate (a text to sum, a number to
   *     compare with texts)
   */
  void add(Map<String, Object> record) {
    Object[] inputs = new Object[aggregates.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = input(aggregates.get(i), record, i);
    }
    for (int i = 0; i < inputs.length; i++) {
      apply(i, inputs[i]);
    }
  }

  /** The group's record: its key fields, then each aggregate under its name. */
  Map<String, Object> record() {
    Map<String, Object> record = new LinkedHashMap<>(keyFields);
    for (int i = 0; i < values.length; i++) {
      record.put(aggregates.get(i).name(), values[i]);
    }
    return record;
  }

  /** The value this record brings to aggregate {@code i}, checked; null when it brings none. */
  private Object input(Aggregate aggregate, Map<String, Object> record, int i) {
    Object value = aggregate.field() == null ? Boolean.TRUE : aggregate.field().in(record);
    return switch (aggregate.function()) {
      case COUNT, FIRST, LAST -> value;
      case SUM -> {
        if (value != null && !(value instanceof Number)) {
          throw notA(aggregate, value, "a number to sum");
        }
        yield value == null ? null : decimal((Number) value);
      }
      case MIN, MAX -> {
        Object comparable =
            switch (value) {
              case null -> null;
              case Number number -> decimal(number);
              case String text -> text;
              default -> throw notA(aggregate, value, "a number or text to compare");
            };
        if (comparable != null
            && values[i] != null
            && values[i].getClass() != comparable.getClass()) {
          throw new RecordRejected(
              "field '" + aggregate.field().name() + "' mixes numbers and text within a group");
        }
        yield comparable;
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void apply(int i, Object input) {
    Aggregate aggregate = aggregates.get(i);
    switch (aggregate.function()) {
      case COUNT ->
          values[i] = (values[i] == null ? 0L : (Long) values[i]) + (input == null ? 0 : 1);
      case SUM -> {
        if (input != null) {
          values[i] = values[i] == null ? input : ((BigDecimal) values[i]).add((BigDecimal) input);
        }
      }
      case MIN, MAX -> {
        if (input != null) {
          int order = values[i] == null ? 0 : ((Comparable) input).compareTo(values[i]);
          boolean better = aggregate.function() == Aggregate.Function.MIN ? order < 0 : order > 0;
          if (values[i] == null || better) {
            values[i] = input;
          }
        }
      }
      case FIRST -> {
        if (input != null && !seen[i]) {
          values[i] = input;
          seen[i] = true;
        }
      }
      case LAST -> {
        if (input != null) {
          values[i] = input;
        }
      }
    }
  }

  private static BigDecimal decimal(Number number) {
    return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
  }

  private static RecordRejected notA(Aggregate aggregate, Object value, String wanted) {
    return new RecordRejected(
        "field '"
            + aggregate.field().name()
            + "' is "
            + RecordExpression.kindOf(value)
            + ", not "
            + wanted);
  }
}
