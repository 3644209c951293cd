package io.millflow.engine.security;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.flow.BundledFlows;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * After runs through every source and sink the sandboxes offer, one of them refused its key and one
 * failed echoing a flow secret, no credential of any connection, no flow secret, nor a credential a
 * webhook sender sent along, appears in the log, the API's answers, the run history, the outbound
 * events, the webhook inbox or the deployed BPMN.
 */
@QuarkusTest
class CredentialLeakTest {

  private static final Set<String> IDENTIFIERS =
      Set.of("username", "clientId", "certificateId", "consumerKey", "tokenId");

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandboxes;
  @Inject StateStore store;

  @Test
  void noCredentialAppearsAnywhereAfterRunsThroughEveryConnector() {
    sandboxes.start();
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(
                String.valueOf(record.getMessage())
                    + " "
                    + java.util.Arrays.toString(record.getParameters())
                    + " "
                    + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("").addHandler(capture);
    String refusedKey = "refused-key-" + System.nanoTime();
    try {
      Connection plex = connections.resolve("default", SandboxLauncher.PLEX_CONNECTION);
      Map<String, String> refused = new HashMap<>(plex.credentials());
      refused.put("apiKey", refusedKey);
      String refusedName = "plex-refused-" + System.nanoTime();
      connections.provide(new Connection(refusedName, "plex", plex.settings(), refused));
      List<String> runs =
          new ArrayList<>(
              List.of(
                  startRun("plex-po-to-postgres"),
                  startRun("idhammar-downtime-to-mongodb"),
                  startRun(
                      deploy(FlowTestSupport.netsuiteVendorsToWarehouse("netsuite-leak-check"))),
                  startRun(
                      deploy(
                          variant(
                              "po-refused-" + System.nanoTime(),
                              "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                              "<zeebe:input source=\""
                                  + refusedName
                                  + "\" target=\"connection\" />")))));
      String flowSecret = "flow-secret-" + System.nanoTime();
      runs.add(startRun(deploy(secretEchoingFlow(flowSecret))));
      runs.forEach(run -> awaitRunEnd(run));
      given().post("/api/connections/{name}/test", refusedName).then().statusCode(200);
      String senderCredential = "sender-credential-" + System.nanoTime();
      sendWebhookWith(senderCredential);

      Set<String> secrets = secrets(refusedKey);
      secrets.add(senderCredential);
      secrets.add(flowSecret);
      List<String> texts = new ArrayList<>(logged);
      texts.addAll(apiAnswers(runs));
      texts.addAll(storedTexts());

      assertThat(logged)
          .as("the log was captured: it tells of the refused connection")
          .anyMatch(line -> line.contains(refusedName));
      assertThat(logged)
          .as("the runs' start and end lines and the webhook inbox's lines are among those checked")
          .anyMatch(line -> line.matches("(?s)Run \\S+ of flow \\S+ started.*"))
          .anyMatch(line -> line.matches("(?s)Run \\S+ of flow \\S+ ended: .*"))
          .anyMatch(line -> line.startsWith("Webhook inbox: 1 accepted"));
      assertThat(texts)
          .as("the refused run's incident is among the texts")
          .anyMatch(text -> text.contains("REAUTH_REQUIRED"));
      assertThat(texts)
          .as("the query's error quoted the flow secret, as its reference")
          .anyMatch(
              text ->
                  text.contains(
                      "invalid input syntax for type integer: \"{{secrets.leak-check}}\""));
      assertThat(secrets)
          .hasSizeGreaterThanOrEqualTo(
              5); // the refused key, Plex's key and password, NetSuite's PEM, Idhammar's token
      for (String secret : secrets) {
        assertThat(texts)
            .as("a credential (%s...) leaked", secret.substring(0, 3))
            .noneMatch(text -> text.contains(secret));
      }
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
  }

  /**
   * A flow whose query fails quoting a flow secret in PostgreSQL's error (it cannot cast it to an
   * integer).
   */
  private static String secretEchoingFlow(String value) {
    given()
        .contentType("application/json")
        .body(Map.of("value", value))
        .put("/api/secrets/leak-check")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    return io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
        io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("secret-leak-check")
            .startEvent()
            .serviceTask(
                "echo",
                task ->
                    task.zeebeJobType("postgres.query")
                        .zeebeInput("=\"warehouse\"", "connection")
                        .zeebeInput("=\"select cast(:probe as int) as n\"", "sql")
                        .zeebeInput("={probe: \"{{secrets.leak-check}}\"}", "parameters"))
            .endEvent()
            .done());
  }

  /**
   * A webhook whose sender adds its own credentials (as one behind an authenticating proxy does).
   */
  private static void sendWebhookWith(String credential) {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "leak-check",
                    "routes",
                    List.of(
                        Map.of(
                            "condition",
                            "get value(headers, \"x-site\") = \"plant-1\"",
                            "flowId",
                            "plex-po-to-csv"))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    byte[] body = "{\"kind\": \"order\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String signature =
        io.millflow.engine.trigger.SignatureVerifier.sign(
            new io.millflow.engine.trigger.SignatureScheme.Hmac(null, null, null, null),
            created.getString("secret"),
            body,
            java.time.Instant.now());
    given()
        .contentType("application/json")
        .header("X-Signature", signature)
        .header("X-Site", "plant-1")
        .header("Authorization", "Bearer " + credential)
        .header("Cookie", "session=" + credential)
        .header("X-Auth-Token", credential)
        .body(body)
        .post("/webhooks/{id}", created.getString("trigger.id"))
        .then()
        .statusCode(200);
  }

  /**
   * Every secret credential of every connection, each line of a multi-line one (a PEM key) on its
   * own. Identifiers that travel with credentials (a user name, NetSuite's client and certificate
   * ids) are not secrets: a check may name the user it logged in as.
   */
  private Set<String> secrets(String refusedKey) {
    Set<String> secrets = new LinkedHashSet<>(List.of(refusedKey));
    for (Connection connection : connections.all("default")) {
      for (Map.Entry<String, String> credential : connection.credentials().entrySet()) {
        if (IDENTIFIERS.contains(credential.getKey())) {
          continue;
        }
        String value = credential.getValue();
        for (String line : value.split("\n")) {
          if (line.strip().length() >= 8 && !line.startsWith("-----")) {
            secrets.add(line.strip());
          }
        }
      }
    }
    return secrets;
  }

  private List<String> apiAnswers(List<String> runs) {
    List<String> answers = new ArrayList<>();
    answers.add(given().get("/api/connections").asString());
    answers.add(given().get("/api/runs?limit=200").asString());
    runs.forEach(run -> answers.add(given().get("/api/runs/{id}", run).asString()));
    for (Connection connection : connections.all("default")) {
      answers.add(given().get("/api/connections/{name}", connection.name()).asString());
      answers.add(given().get("/api/connections/{name}/status", connection.name()).asString());
    }
    for (String bpmn : BundledFlows.load()) {
      String id = bpmn.replaceAll("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
      answers.add(given().get("/api/flows/{id}/bpmn", id).asString());
    }
    return answers;
  }

  private List<String> storedTexts() {
    return store
        .jdbi()
        .withHandle(
            h -> {
              List<String> texts =
                  new ArrayList<>(
                      h.createQuery("select message from step_log").mapTo(String.class).list());
              texts.addAll(
                  h.createQuery(
                          """
              select concat_ws(' ', input_summary, output_summary, error, error_detail) from step_run""")
                      .mapTo(String.class)
                      .list());
              texts.addAll(
                  h.createQuery("select coalesce(error, '') from flow_run")
                      .mapTo(String.class)
                      .list());
              texts.addAll(
                  h.createQuery("select payload::text from event_outbox")
                      .mapTo(String.class)
                      .list());
              texts.addAll(
                  h.createQuery("select coalesce(last_error, '') from connection_status")
                      .mapTo(String.class)
                      .list());
              texts.addAll(h.createQuery("select bpmn from flow").mapTo(String.class).list());
              texts.addAll(
                  h.createQuery(
                          "select concat_ws(' ', headers::text, query::text) from webhook_inbox")
                      .mapTo(String.class)
                      .list());
              return texts;
            });
  }

  private static String stackTrace(Throwable thrown) {
    java.io.StringWriter out = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
