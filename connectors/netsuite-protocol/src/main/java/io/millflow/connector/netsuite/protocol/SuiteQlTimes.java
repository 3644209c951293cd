package io.millflow.connector.netsuite.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * SuiteQL datetimes as the connector writes and reads them: {@link NetSuiteGuesses#DATETIME_FORMAT}
 * in a zone.
 */
public final class SuiteQlTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern(NetSuiteGuesses.DATETIME_PATTERN);

  private SuiteQlTimes() {}

  /**
   * {@code TO_TIMESTAMP('2024-06-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')}: a bound of a
   * lastmodifieddate window.
   */
  public static String literal(Instant instant, ZoneId zone) {
    return "TO_TIMESTAMP('"
        + format(instant, zone)
        + "', '"
        + NetSuiteGuesses.DATETIME_FORMAT
        + "')";
  }

  /** {@code TO_CHAR(column, 'YYYY-MM-DD HH24:MI:SS') AS column}. */
  public static String select(String column, String format) {
    return "TO_CHAR(" + column + ", '" + format + "') AS " + column;
  }

  public static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, zone));
  }

  /**
   * @throws DateTimeParseException when {@code text} is not in the format
   */
  public static Instant parse(String text, ZoneId zone) {
    return LocalDateTime.parse(text.strip(), FORMAT).atZone(zone).toInstant();
  }

  /** NetSuite keeps whole seconds: a bound cut to seconds means the same on both sides. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
