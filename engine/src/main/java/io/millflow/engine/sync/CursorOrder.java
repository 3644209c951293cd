package io.millflow.engine.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order of two cursors of one read, told by their type: instants (ISO-8601, with a zone or
 * offset) by time, local date-times and dates (a database's timestamp without a zone) by the
 * calendar, numbers (an id watermark) by value. Cursors of different types, or of none of these (an
 * opaque token), have no order.
 */
final class CursorOrder {

  private CursorOrder() {}

  /** Whether {@code candidate} lies after {@code current}; empty when the two cannot be ordered. */
  static Optional<Boolean> isAfter(String candidate, String current) {
    return compare(candidate, current, CursorOrder::instant)
        .or(() -> compare(candidate, current, CursorOrder::localDateTime))
        .or(() -> compare(candidate, current, LocalDate::parse))
        .or(() -> compare(candidate, current, BigDecimal::new))
        .map(order -> order > 0);
  }

  private static <T extends Comparable<? super T>> Optional<Integer> compare(
      String a, String b, Function<String, T> parse) {
    Optional<T> left = parsed(a, parse);
    Optional<T> right = parsed(b, parse);
    return left.isPresent() && right.isPresent()
        ? Optional.of(left.get().compareTo(right.get()))
        : Optional.empty();
  }

  private static <T> Optional<T> parsed(String text, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(text.strip()));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  /** {@code 2026-01-31T10:00:00} or as JDBC writes a timestamp, {@code 2026-01-31 10:00:00.0}. */
  private static LocalDateTime localDateTime(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T'));
  }
}
