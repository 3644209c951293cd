package io.millflow.connector.http;

import io.millflow.step.StepFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The URLs a step builds: a step URL against the base URL, query parameters set or replaced. */
final class Urls {

  private Urls() {}

  /**
   * {@code url} when it is absolute; else appended to the base URL's path ({@code orders} and
   * {@code /orders} both become {@code <baseUrl>/orders}).
   */
  static URI resolve(URI baseUrl, String url) {
    String trimmed = url.strip();
    URI given;
    try {
      given = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new StepFailure(
          "INVALID_INPUT",
          "url '"
              + trimmed
              + "' is not a URL: "
              + e.getReason()
              + ". Encode spaces and special characters.");
    }
    if (given.isAbsolute()) {
      String scheme = given.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new StepFailure("INVALID_INPUT", "url must be http or https, not " + scheme + ".");
      }
      return given;
    }
    String base = baseUrl.toString();
    return URI.create(base + (trimmed.startsWith("/") || trimmed.isEmpty() ? "" : "/") + trimmed);
  }

  /** {@code uri} with each parameter added; a list value repeats the parameter. */
  static URI withParameters(URI uri, Map<String, ?> parameters) {
    URI result = uri;
    for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
      Object value = parameter.getValue();
      if (value instanceof Collection<?> values) {
        for (Object each : values) {
          result = appended(result, parameter.getKey(), String.valueOf(each));
        }
      } else if (value != null) {
        result = appended(result, parameter.getKey(), String.valueOf(value));
      }
    }
    return result;
  }

  /** {@code uri} with the parameter set to {@code value}, replacing any it had. */
  static URI withParameter(URI uri, String name, String value) {
    String query = uri.getRawQuery();
    List<String> kept = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      String encodedName = encode(name);
      for (String pair : query.split("&")) {
        String key = pair.split("=", 2)[0];
        if (!key.equals(encodedName) && !key.equals(name)) {
          kept.add(pair);
        }
      }
    }
    kept.add(encode(name) + "=" + encode(value));
    return withRawQuery(uri, String.join("&", kept));
  }

  private static URI appended(URI uri, String name, String value) {
    String query = uri.getRawQuery();
    String pair = encode(name) + "=" + encode(value);
    return withRawQuery(uri, query == null || query.isEmpty() ? pair : query + "&" + pair);
  }

  private static URI withRawQuery(URI uri, String rawQuery) {
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String withoutFragment = fragment < 0 ? text : text.substring(0, fragment);
    int question = withoutFragment.indexOf('?');
    String stem = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
    return URI.create(stem + "?" + rawQuery);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
