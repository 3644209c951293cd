package io.millflow.connector.plex;

import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.protocol.PlexResource.Filter;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.StepFailure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A step's {@code filters} input (filter name to value, or to a list of values) as Plex query
 * parameters, checked against the resource's own filter list: Plex silently ignores a parameter it
 * does not know, so a misspelt filter would read everything. A list repeats the parameter; a date
 * filter takes an ISO-8601 date-time, sent in Plex's format.
 */
final class RecordFilters {

  private RecordFilters() {}

  static List<Map.Entry<String, String>> query(PlexResource resource, Map<String, Object> filters) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    if (filters == null) {
      return query;
    }
    filters.forEach(
        (name, value) -> {
          Filter filter =
              resource
                  .filter(name)
                  .orElseThrow(
                      () ->
                          new StepFailure(
                              "INVALID_INPUT",
                              "Plex "
                                  + resource.stepName()
                                  + " have no filter '"
                                  + name
                                  + "'. Use one of: "
                                  + names(resource)
                                  + "."));
          for (Object one :
              value instanceof Collection<?> many ? many : List.of(value == null ? "" : value)) {
            String text = String.valueOf(one).strip();
            if (text.isEmpty()) {
              throw new StepFailure(
                  "INVALID_INPUT",
                  "Filter '"
                      + name
                      + "' of Plex "
                      + resource.stepName()
                      + " is empty: give it a value or leave it out.");
            }
            query.add(Map.entry(name, filter.isDate() ? plexTimestamp(name, text) : text));
          }
        });
    return query;
  }

  private static String plexTimestamp(String name, String text) {
    try {
      return PlexTimestamps.format(
          text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new StepFailure(
          "INVALID_INPUT",
          "Filter '"
              + name
              + "' is '"
              + text
              + "', which is not a date-time; Plex"
              + " wants a full one such as 2025-01-31T00:00:00Z (a date alone is refused).",
          e);
    }
  }

  private static String names(PlexResource resource) {
    return resource.filters().stream().map(Filter::parameter).collect(Collectors.joining(", "));
  }
}
