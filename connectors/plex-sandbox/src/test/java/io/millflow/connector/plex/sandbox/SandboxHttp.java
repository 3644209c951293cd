package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to a sandbox, so contract tests see exactly what a client would. */
final class SandboxHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final PlexSandbox sandbox;

  SandboxHttp(PlexSandbox sandbox) {
    this.sandbox = sandbox;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return get(pathAndQuery, sandbox.config().apiKey());
  }

  HttpResponse<String> get(String pathAndQuery, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery));
    if (apiKey != null) {
      request.header("X-Plex-Connect-Api-Key", apiKey);
    }
    return send(request.GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
