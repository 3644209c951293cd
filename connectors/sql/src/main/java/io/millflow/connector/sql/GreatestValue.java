package io.millflow.connector.sql;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The greatest value a query returned in its cursor column, as the cursor text: an ISO-8601 instant
 * for timestamps, plain digits for numbers (never 1E+3), else the text. Compared by type, not as
 * text: "9" < "10" and instants with differing fraction digits do not sort as strings.
 */
final class GreatestValue {

  private final String column;
  private Comparable<Object> greatest;

  GreatestValue(String column) {
    this.column = column;
  }

  @SuppressWarnings("unchecked")
  void offer(Object value) {
    Object comparable =
        switch (value) {
          case null -> null;
          case Long number -> new BigDecimal(number);
          case Instant instant -> instant;
          case BigDecimal decimal -> decimal;
          default -> value.toString();
        };
    if (comparable == null) {
      return;
    }
    if (greatest != null && greatest.getClass() != comparable.getClass()) {
      throw new IllegalStateException("Cursor column '" + column + "' changed type between rows");
    }
    if (greatest == null || greatest.compareTo(comparable) < 0) {
      greatest = (Comparable<Object>) comparable;
    }
  }

  /** The cursor text, or null when every row had null in the column, or there were no rows. */
  String text() {
    Object value = greatest;
    return switch (value) {
      case null -> null;
      case BigDecimal decimal -> decimal.toPlainString();
      default -> value.toString();
    };
  }
}
