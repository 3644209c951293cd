package io.millflow.connector.idhammar.sandbox;

import java.util.Locale;

/**
 * The periods counts and OEE are reported in, UTC: hours, the three 8-hour shifts (06, 14, 22),
 * days.
 */
enum Granularity {
  HOUR(3_600, 0),
  SHIFT(8 * 3_600, 6 * 3_600),
  DAY(86_400, 0);

  private final long length;
  private final long offset;

  Granularity(long length, long offset) {
    this.length = length;
    this.offset = offset;
  }

  long length() {
    return length;
  }

  /** The start of the first period that starts at or after {@code time} (epoch seconds). */
  long alignUp(long time) {
    return offset + Math.ceilDiv(time - offset, length) * length;
  }

  /** The start of the period {@code time} falls in. */
  long floor(long time) {
    return offset + Math.floorDiv(time - offset, length) * length;
  }

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Granularity parse(QueryParameters query, Granularity... allowed) {
    String value = query.text("granularity");
    if (value == null) {
      return allowed[0];
    }
    for (Granularity granularity : allowed) {
      if (granularity.apiName().equals(value)) {
        return granularity;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Granularity granularity : allowed) {
      names.append(names.isEmpty() ? "" : ", ").append(granularity.apiName());
    }
    throw new BadRequest(
        "invalid_parameter",
        "Parameter 'granularity' must be one of " + names + ", not '" + value + "'.");
  }
}
