package io.millflow.connector.http;

import io.millflow.step.StepFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** A connection's default headers, written one {@code Name: value} per line. */
final class DefaultHeaders {

  private DefaultHeaders() {}

  static Map<String, String> parse(String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (text == null) {
      return headers;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new StepFailure(
            "CONNECTION_INVALID",
            "Setting 'defaultHeaders' has a line without 'Name: value' (line '"
                + line.strip().replaceAll("(?<=.{3}).", "*")
                + "'). Correct it in the connection's configuration.");
      }
      headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return headers;
  }
}
