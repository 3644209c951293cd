package io.millflow.connector.plex.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Plex Connect's timestamp format: {@code YYYY-MM-DDThh:mm:ss.fffffffZ}, UTC, seven fractional
 * digits (100 ns).
 */
public final class PlexTimestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private PlexTimestamps() {}

  /** Formats a filter value; anything finer than Plex's 100 ns is cut off. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Cuts an instant to Plex's precision, so a window boundary means the same on both sides. */
  public static Instant truncate(Instant instant) {
    return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / 100 * 100);
  }

  /**
   * Parses a timestamp Plex sends: any ISO-8601 date-time with an offset; a bare date (some Plex
   * date fields, such as a PO date, may carry no time) is read as midnight UTC.
   *
   * @throws DateTimeParseException when it is neither
   */
  public static Instant parseLenient(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return Instant.parse(text);
  }

  /**
   * Parses a filter value as Plex does: a full UTC (or offset) date-time is required; a date alone
   * is rejected.
   *
   * @throws DateTimeParseException when the value is not a full date-time
   */
  public static Instant parseStrict(String text) {
    return Instant.parse(text);
  }
}
