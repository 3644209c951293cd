package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import io.millflow.step.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost across a restart: the runtime stops after answering 200 and before
 * dispatching (its dispatch is off, so the window is certain rather than a race), starts again, and
 * the flow runs.
 */
class WebhookRestartIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN_TOKEN = "mf_it-admin-token-" + java.util.UUID.randomUUID();
  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");

  @TempDir Path work;

  @Test
  void aWebhookAcknowledgedBeforeAStopStartsItsFlowAfterTheRestart() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> common = Map.of("millflow.sandbox.enabled", "false");
    String trigger;
    try (RuntimeProcess first =
        RuntimeProcess.start(
            data, "first", with(common, "millflow.webhooks.dispatch", "false"), ADMIN_TOKEN)) {
      send(first, "POST", "/api/flows", "application/xml", WebhookFlows.empty("restart-flow"), 201);
      JsonNode created =
          send(
              first,
              "POST",
              "/api/triggers",
              "application/json",
              """
          {"name":"restart","signature":{"type":"hmac","header":"X-Signature"},"eventId":"header:X-Event-Id",
           "routes":[{"flowId":"restart-flow","variables":"{line: body.line}"}]}""",
              201);
      trigger = created.at("/trigger/id").asText();
      byte[] body = "{\"line\":\"L4\"}".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> accepted =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(first.baseUrl() + "/webhooks/" + trigger))
                  .header("Content-Type", "application/json")
                  .header("X-Event-Id", "restart-1")
                  .header(
                      "X-Signature",
                      SignatureVerifier.sign(
                          HMAC, created.get("secret").asText(), body, Instant.now()))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(events(first, trigger).get(0).get("status").asText()).isEqualTo("pending");
    }

    try (RuntimeProcess second = RuntimeProcess.start(data, "second", common, ADMIN_TOKEN)) {
      JsonNode event =
          await(
              () -> events(second, trigger).get(0),
              e -> e.get("status").asText().equals("dispatched"));
      String runId = event.get("runIds").get(0).asText();
      JsonNode run =
          await(
              () -> send(second, "GET", "/api/runs/" + runId, null, null, 200),
              r -> r.at("/run/status").asText().equals("completed"));
      assertThat(run.at("/run/flowId").asText()).isEqualTo("restart-flow");
    }
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    java.util.Map<String, String> all = new java.util.HashMap<>(base);
    all.put(key, value);
    return all;
  }

  private static List<JsonNode> events(RuntimeProcess runtime, String trigger) throws Exception {
    JsonNode events = send(runtime, "GET", "/api/triggers/" + trigger + "/events", null, null, 200);
    assertThat(events).hasSize(1);
    return List.of(events.get(0));
  }

  private static JsonNode send(
      RuntimeProcess runtime,
      String method,
      String path,
      String type,
      String body,
      Integer expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN);
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (expected != null && response.statusCode() != expected) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank()
        ? Json.mapper().nullNode()
        : Json.mapper().readTree(response.body());
  }

  interface Call<T> {
    T get() throws Exception;
  }

  private static <T> T await(Call<T> call, java.util.function.Predicate<T> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = call.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not done within 60 s; last: " + last);
  }
}
