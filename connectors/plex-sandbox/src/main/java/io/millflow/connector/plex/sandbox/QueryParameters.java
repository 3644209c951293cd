package io.millflow.connector.plex.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request's query string; a parameter may repeat ({@code ?id=a&id=b}), as Plex's multi-valued
 * filters do.
 */
record QueryParameters(Map<String, List<String>> values) {

  static QueryParameters parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParameters(Map.of());
    }
    Map<String, List<String>> values =
        Arrays.stream(rawQuery.split("&"))
            .filter(pair -> !pair.isEmpty())
            .map(pair -> pair.split("=", 2))
            .collect(
                Collectors.groupingBy(
                    pair -> decode(pair[0]),
                    LinkedHashMap::new,
                    Collectors.mapping(
                        pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
    return new QueryParameters(values);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The first value of a parameter; blank counts as absent. */
  Optional<String> first(String name) {
    return all(name).stream().filter(value -> !value.isBlank()).findFirst();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
