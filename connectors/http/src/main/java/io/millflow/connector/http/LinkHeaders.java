package io.millflow.connector.http;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 8288 {@code Link} headers: {@code <https://api/x?page=2>; rel="next", <...>;
 * rel="last"}.
 */
final class LinkHeaders {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
  private static final Pattern REL =
      Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

  private LinkHeaders() {}

  /** The target of the first link whose relation types include {@code next}, as written. */
  static Optional<String> next(HttpHeaders headers) {
    for (String value : headers.allValues("Link")) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find()) {
          String types = rel.group(1) != null ? rel.group(1) : rel.group(2);
          if (Arrays.asList(types.toLowerCase(Locale.ROOT).split("\\s+")).contains("next")) {
            return Optional.of(link.group(1).strip());
          }
        }
      }
    }
    return Optional.empty();
  }
}
