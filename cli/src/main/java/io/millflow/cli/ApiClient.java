package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A runtime's API, called with one bearer token. The token goes into the Authorization header and
 * nowhere else: no message of this class contains it.
 */
final class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiClient(URI base, String token) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.token = token;
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode getJson(String path) {
    return json(send("GET", path, null, null), "GET", path);
  }

  /** The answer of a GET, or empty when the runtime answers 404. */
  Optional<String> findText(String path) {
    HttpResponse<String> response = send("GET", path, null, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(checked(response, "GET", path).body());
  }

  JsonNode sendJson(String method, String path, JsonNode body) {
    return json(send(method, path, StableJson.write(body), "application/json"), method, path);
  }

  JsonNode sendXml(String method, String path, String xml) {
    return json(send(method, path, xml, "application/xml"), method, path);
  }

  /** A DELETE; false when the runtime has no such call or object (404, 405). */
  boolean delete(String path) {
    HttpResponse<String> response = send("DELETE", path, null, null);
    if (response.statusCode() == 404 || response.statusCode() == 405) {
      return false;
    }
    checked(response, "DELETE", path);
    return true;
  }

  private JsonNode json(HttpResponse<String> response, String method, String path) {
    String body = checked(response, method, path).body();
    return body == null || body.isBlank()
        ? StableJson.MAPPER.nullNode()
        : StableJson.read(body, method + " " + path);
  }

  private HttpResponse<String> checked(HttpResponse<String> response, String method, String path) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    throw new CliException(
        method + " " + path + " answered " + status + ": " + problem(response.body()));
  }

  /** The API's {@code {error, message, field?}}, as one line. */
  private static String problem(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonNode error = StableJson.MAPPER.readTree(body);
      String message = error.path("message").asText(error.path("error").asText(body));
      return error.hasNonNull("field")
          ? message + " (field " + error.get("field").asText() + ")"
          : message;
    } catch (IOException e) {
      return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String type) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, application/xml");
    if (body != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException(
          "Cannot reach "
              + base
              + " ("
              + method
              + " "
              + path
              + "): "
              + (e.getMessage() == null
                  ? "no answer; is the runtime running there? (--url or MILLFLOW_URL)"
                  : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted during " + method + " " + path);
    }
  }
}
