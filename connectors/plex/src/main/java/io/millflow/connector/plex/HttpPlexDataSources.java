package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Plex's legacy Data Source API over HTTP: a data source's description ({@code GET
 * /api/datasources/{id}}) and its execution ({@code POST /api/datasources/{id}/execute?format=2},
 * rows as objects), Basic auth of the connection's web-service account. Failures follow the step
 * error model ({@link PlexDataSourceErrors}).
 */
@Singleton
public final class HttpPlexDataSources {

  static final String PATH = "/api/datasources/";
  private static final String EXAMPLE_URL = "https://cloud.plex.com";

  private final HttpClient http;
  private final Clock clock;

  public HttpPlexDataSources() {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            HttpClient.Redirect.NORMAL),
        Clock.systemUTC());
  }

  HttpPlexDataSources(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The data source's inputs (name, type, required) and columns. */
  JsonNode describe(PlexDataSourceSettings settings, String dataSourceId) {
    String path = PATH + encode(dataSourceId);
    return call(
        settings,
        dataSourceId,
        PlexCall.of(settings.connectionName(), "GET", path),
        request(settings, path).GET());
  }

  /**
   * Runs the data source: {@code
   * {"outputs":{},"tables":[{"columns":[..],"rows":[{..}]}],"rowLimitedExceeded":..}}.
   */
  JsonNode execute(
      PlexDataSourceSettings settings, String dataSourceId, Map<String, Object> inputs) {
    String path = PATH + encode(dataSourceId) + "/execute";
    byte[] body =
        Json.mapper()
            .createObjectNode()
            .set("inputs", Json.mapper().valueToTree(inputs))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return call(
        settings,
        dataSourceId,
        PlexCall.of(settings.connectionName(), "POST", path),
        request(settings, path + "?format=2")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private JsonNode call(
      PlexDataSourceSettings settings,
      String dataSourceId,
      PlexCall call,
      HttpRequest.Builder request) {
    HttpResponse<byte[]> response =
        PlexHttp.send(
            http,
            request.header("X-Request-Id", call.requestId()).build(),
            call,
            settings.timeout(),
            settings.baseUrl());
    if (response.statusCode() / 100 != 2) {
      throw PlexDataSourceErrors.ofResponse(
          call,
          settings,
          dataSourceId,
          response.statusCode(),
          response.headers(),
          response.body(),
          clock);
    }
    JsonNode json =
        PlexHttp.json(call, response.body(), EXAMPLE_URL, PlexDataSourceSettings.BASE_URL);
    if (!json.isObject()) {
      throw PlexHttp.unexpected(
          call,
          "a JSON object",
          "a JSON " + json.getNodeType(),
          EXAMPLE_URL,
          PlexDataSourceSettings.BASE_URL);
    }
    return json;
  }

  private static HttpRequest.Builder request(PlexDataSourceSettings settings, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
        .header("Accept", "application/json")
        .header("Authorization", settings.authorization());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
