package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /purchasing/v1/purchase-orders}. Every date range is {@code [begin,
 * end)}: begin inclusive, end exclusive (see {@link
 * io.millflow.connector.plex.PlexGuesses#MODIFIED_DATE_END_EXCLUSIVE}). Parameters Plex does not
 * know, such as {@code limit}, are ignored, as Plex ignores them.
 */
record PurchaseOrderSearch(
    Set<String> ids, Instant modifiedBegin, Instant modifiedEnd, Predicate<JsonNode> matches) {

  /** The request's filters were malformed: Plex answers 400 with one entry per bad parameter. */
  static final class InvalidSearch extends Exception {
    private final List<ErrorDetail> errors;

    InvalidSearch(List<ErrorDetail> errors) {
      super(errors.size() + " invalid filter(s)", null, false, false);
      this.errors = List.copyOf(errors);
    }

    List<ErrorDetail> errors() {
      return errors;
    }
  }

  private static final List<String> TEXT_FILTERS =
      List.of("poNumber", "status", "type", "supplierId");
  private static final List<String> DATE_RANGES = List.of("orderedDate", "dueDate", "modifiedDate");

  static PurchaseOrderSearch parse(QueryParameters query) throws InvalidSearch {
    List<ErrorDetail> errors = new ArrayList<>();
    Predicate<JsonNode> matches = order -> true;
    for (String field : TEXT_FILTERS) {
      String wanted = query.first(field).orElse(null);
      if (wanted != null) {
        matches = matches.and(order -> wanted.equalsIgnoreCase(order.path(field).asText()));
      }
    }
    String active = query.first("active").orElse(null);
    if (active != null && !active.equals("true") && !active.equals("false")) {
      errors.add(
          new ErrorDetail(
              "INVALID_VALUE", "'active' must be true or false, not '" + active + "'."));
    } else if (active != null) {
      matches =
          matches.and(order -> order.path("active").asBoolean() == Boolean.parseBoolean(active));
    }
    for (String field : DATE_RANGES) {
      Instant begin = timestamp(query, field + "Begin", errors);
      Instant end = timestamp(query, field + "End", errors);
      if (!field.equals(
          "modifiedDate")) { // modified ranges select candidates through the sorted index instead
        matches = matches.and(order -> within(order.path(field).asText(null), begin, end));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidSearch(errors);
    }
    return new PurchaseOrderSearch(
        Set.copyOf(query.all("id")),
        timestamp(query, "modifiedDateBegin", errors),
        timestamp(query, "modifiedDateEnd", errors),
        matches);
  }

  /**
   * A filter value Plex accepts: a full UTC date-time; anything else adds an error naming the
   * parameter.
   */
  static Instant timestamp(QueryParameters query, String name, List<ErrorDetail> errors) {
    String value = query.first(name).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      return PlexTimestamps.parseStrict(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new ErrorDetail(
              "INVALID_DATE_TIME",
              "'"
                  + name
                  + "' must be a UTC date-time such as "
                  + "2024-05-01T00:00:00.0000000Z; '"
                  + value
                  + "' is not one (a date alone is not accepted)."));
      return null;
    }
  }

  private static boolean within(String value, Instant begin, Instant end) {
    if (begin == null && end == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    Instant instant = Instant.parse(value);
    return (begin == null || !instant.isBefore(begin)) && (end == null || instant.isBefore(end));
  }
}
