package io.millflow.connector.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the step means it, before authentication: method, absolute URL, the headers the
 * connection and the step give, and the body (null for none: {@link RequestBody}).
 */
record Exchange(String method, URI uri, Map<String, String> headers, RequestBody body) {

  Exchange {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  Exchange at(URI other) {
    return new Exchange(method, other, headers, body);
  }

  /** The same request as a GET without a body: what a 303 (or a 301/302 after a POST) asks for. */
  Exchange asGet(URI other) {
    Map<String, String> kept = new LinkedHashMap<>(headers);
    kept.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
    return new Exchange("GET", other, kept, null);
  }

  /** Method and path, never the query (which may carry an API key): for messages. */
  String describe() {
    return method
        + " "
        + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
  }
}
