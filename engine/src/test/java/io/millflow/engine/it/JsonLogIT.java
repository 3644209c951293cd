package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code millflow.log.json=true}: the packaged runtime's console is one JSON object per line once
 * Millflow starts, a line logged during a step attempt carries its run id, flow id and step type in
 * the log context, and no line holds a credential, the one a source refused included.
 */
class JsonLogIT {

  private static final String ADMIN_TOKEN = "mf_it-admin-" + UUID.randomUUID();
  private static final String PLEX_KEY = "plex-key-" + UUID.randomUUID();
  private static final String REFUSED_KEY = "refused-key-" + UUID.randomUUID();
  private static final String FLOW = "json-log-refused";

  @TempDir Path work;

  @Test
  void everyLineIsOneJsonObjectWithTheAttemptsContextAndNoSecret() throws Exception {
    RuntimeProcess runtime =
        RuntimeProcess.start(
            work.resolve("data"),
            "json",
            Map.of(
                "millflow.log.json",
                "true",
                "millflow.sandbox.plex-api-key",
                PLEX_KEY,
                // the refused connection is a user's, to the sandbox on this machine
                "millflow.outbound.allow-hosts",
                "127.0.0.1,localhost"),
            ADMIN_TOKEN);
    String refusedRun;
    try (runtime) {
      JsonNode plex = runtime.api("GET", "/api/connections/plex-sandbox", null, null, 200);
      ObjectNode refused = Json.mapper().createObjectNode();
      refused.put("type", "plex");
      refused.set("settings", plex.get("settings"));
      refused.putObject("credentials").put("apiKey", REFUSED_KEY);
      assertThat(
              runtime
                  .request(
                      "PUT",
                      "/api/connections/plex-refused",
                      "application/json",
                      refused.toString())
                  .statusCode())
          .isBetween(200, 201);
      runtime.api(
          "POST",
          "/api/flows",
          "application/xml",
          ClusterFlows.plexRead(FLOW, "plex-refused"),
          201);
      refusedRun = start(runtime, FLOW);
      String completedRun = start(runtime, "plex-po-to-postgres");
      assertThat(awaitEnd(runtime, refusedRun)).isEqualTo("incident");
      assertThat(awaitEnd(runtime, completedRun)).isEqualTo("completed");
    }

    // The JVM writes its own warnings ("WARNING: A restricted method ...") straight to stderr, past
    // the log manager, in one fixed plain format; every line the log manager writes is JSON.
    List<String> lines = runtime.log().lines().dropWhile(line -> !line.startsWith("{")).toList();
    assertThat(
            lines.stream()
                .filter(line -> !line.isBlank() && !line.startsWith("WARNING: "))
                .filter(line -> !line.startsWith("{"))
                .toList())
        .as("lines after the first JSON line that are neither JSON nor the JVM's own warnings")
        .isEmpty();
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines.stream().filter(line -> line.startsWith("{")).toList()) {
      JsonNode record = Json.mapper().readTree(line);
      assertThat(record.isObject()).as(line).isTrue();
      records.add(record);
    }
    assertThat(records)
        .as("lines logged as JSON")
        .anyMatch(r -> r.path("message").asText().contains("Millflow ready"));
    JsonNode reauth =
        records.stream()
            .filter(
                r ->
                    r.path("message")
                        .asText()
                        .startsWith("Connection 'plex-refused' is now reauth_required"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no reauth line in\n" + runtime.logTail(60)));
    assertThat(reauth.path("level").asText()).isEqualTo("INFO");
    assertThat(reauth.path("mdc").path("runId").asText()).isEqualTo(refusedRun);
    assertThat(reauth.path("mdc").path("flowId").asText()).isEqualTo(FLOW);
    assertThat(reauth.path("mdc").path("stepType").asText()).isEqualTo("plex.purchase-orders.read");
    assertThat(records)
        .as("the run's start and end lines")
        .anyMatch(
            r ->
                r.path("message")
                    .asText()
                    .equals("Run " + refusedRun + " of flow " + FLOW + " started"))
        .anyMatch(
            r ->
                r.path("message")
                    .asText()
                    .equals("Run " + refusedRun + " of flow " + FLOW + " ended: incident"));
    assertThat(lines)
        .as("a credential leaked into the log")
        .noneMatch(line -> line.contains(PLEX_KEY) || line.contains(REFUSED_KEY));
  }

  private static String start(RuntimeProcess runtime, String flow) throws Exception {
    return runtime
        .api("POST", "/api/flows/" + flow + "/runs", "application/json", "{\"variables\":{}}", 201)
        .get("id")
        .asText();
  }

  private static String awaitEnd(RuntimeProcess runtime, String runId) throws Exception {
    return Await.until(
            "run " + runId + " to end",
            Duration.ofSeconds(120),
            () -> runtime.api("GET", "/api/runs/" + runId, null, null, 200),
            r -> !r.at("/run/status").asText().equals("running"),
            () -> runtime.logTail(40))
        .at("/run/status")
        .asText();
  }
}
