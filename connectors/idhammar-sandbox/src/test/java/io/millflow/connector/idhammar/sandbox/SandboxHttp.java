package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to a sandbox, as any client would make them. */
final class SandboxHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body, HttpResponse<String> response) {}

  private SandboxHttp() {}

  static Answer get(IdhammarSandbox sandbox, String pathAndQuery, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  static Answer get(IdhammarSandbox sandbox, String pathAndQuery) {
    return get(sandbox, pathAndQuery, sandbox.config().apiToken());
  }

  static Answer post(IdhammarSandbox sandbox, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
      return new Answer(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
