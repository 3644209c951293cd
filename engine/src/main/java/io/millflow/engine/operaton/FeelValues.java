package io.millflow.engine.operaton;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FEEL results as Operaton variables, as Zeebe's JSON gives them: whole numbers as long, other
 * numbers as double, dates, times and durations as their ISO text, contexts as maps and lists as
 * lists (stored as JSON). Variables go into FEEL as they are: its value mapper takes Java maps,
 * lists, numbers and text.
 */
final class FeelValues {

  private FeelValues() {}

  /** A FEEL result as the value of an Operaton variable. */
  static Object toVariable(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal number -> number(number);
      case BigInteger number -> number(new BigDecimal(number));
      case Float number -> number.doubleValue();
      case TemporalAccessor time -> time.toString();
      case Duration duration -> duration.toString();
      case Period period -> period.toString();
      case Map<?, ?> map -> map(map);
      case Collection<?> list -> list(list);
      case Object[] array -> list(List.of(array));
      default -> value;
    };
  }

  private static Object number(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0
        && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      return stripped.longValueExact();
    }
    return number.doubleValue();
  }

  private static Map<String, Object> map(Map<?, ?> map) {
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((key, value) -> values.put(String.valueOf(key), toVariable(value)));
    return values;
  }

  private static List<Object> list(Collection<?> list) {
    List<Object> values = new ArrayList<>(list.size());
    list.forEach(value -> values.add(toVariable(value)));
    return values;
  }
}
