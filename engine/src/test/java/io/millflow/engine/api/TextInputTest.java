package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text input of the API, in a JSON body, a path or a query, is checked for control characters
 * and length: a NUL (which the state store cannot hold) or an endless name is a 400 naming the
 * field and the fix, never a 500, and nothing stored changes. Multi-line text where it is
 * legitimate (a FEEL condition) still passes.
 */
@QuarkusTest
class TextInputTest {

  private static final String NUL = "a\u0000b";
  private static final String LONG_NAME = "n".repeat(100_000);
  private static final List<String> TABLES =
      List.of(
          "flow",
          "connection",
          "webhook_trigger",
          "event_subscription",
          "api_token",
          "flow_secret",
          "webhook_inbox");

  /** Each JSON endpoint, a body with one bad string, and the field the answer must name. */
  private record BodyCase(String method, String path, String body, String field) {}

  @Inject StateStore store;

  @Test
  void aNulInAnyJsonBodyIsA400NamingTheField() {
    assertAll(bodyCases(NUL), "holds the control character U+0000");
  }

  @Test
  void aHundredThousandCharacterNameIsA400() {
    assertAll(nameCases(LONG_NAME), "is 100000 characters long");
  }

  @Test
  void aNameLongerThan200CharactersIsA400() {
    assertAll(nameCases("n".repeat(201)), "at most 200");
  }

  private static List<BodyCase> nameCases(String name) {
    return List.of(
        new BodyCase(
            "POST",
            "/api/triggers",
            "{\"name\": \"" + name + "\", \"routes\": [{\"flowId\": \"x\"}]}",
            "name"),
        new BodyCase(
            "POST", "/api/tokens", "{\"name\": \"" + name + "\", \"role\": \"viewer\"}", "name"),
        new BodyCase(
            "POST",
            "/api/connections/test",
            "{\"name\": \"" + name + "\", \"type\": \"file\"}",
            "name"));
  }

  @Test
  void aLineBreakInANameIsA400ButAMultiLineFeelConditionIsKept() {
    assertAll(
        List.of(
            new BodyCase(
                "POST",
                "/api/triggers",
                "{\"name\": \"two\\nlines\", \"routes\": [{\"flowId\": \"x\"}]}",
                "name")),
        "U+000A");
    String id =
        given()
            .contentType("application/json")
            .body(
                "{\"name\": \"multi-line-condition\", \"routes\": [{\"condition\": \"body.kind = \\\"a\\\"\\n"
                    + "  or body.kind = \\\"b\\\"\", \"flowId\": \"plex-po-to-csv\"}]}")
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .path("trigger.id");
    assertThat(id).isNotBlank();
  }

  @Test
  void aNulOrAnEndlessIdInAnyPathIsA400NamingTheParameter() {
    Map<String, Long> before = counts();
    List<String> wrong = new ArrayList<>();
    for (String bad : List.of("a%00b", "n".repeat(1_000))) {
      for (String call :
          List.of(
              "GET /api/connections/{}",
              "GET /api/connections/{}/status",
              "GET /api/connections/{}/checks",
              "GET /api/connections/{}/flows",
              "DELETE /api/connections/{}",
              "POST /api/connections/{}/test",
              "GET /api/flows/{}/bpmn",
              "GET /api/flows/{}/versions",
              "GET /api/flows/{}/sync-state",
              "DELETE /api/flows/{}/sync-state",
              "DELETE /api/flows/{}",
              "POST /api/flows/{}/disable",
              "GET /api/runs/{}",
              "POST /api/runs/{}/retry",
              "DELETE /api/secrets/{}",
              "DELETE /api/tokens/{}",
              "GET /api/subscriptions/{}/deliveries",
              "DELETE /api/subscriptions/{}",
              "GET /api/triggers/{}/events",
              "GET /api/triggers/{}/rejections",
              "DELETE /api/triggers/{}",
              "POST /api/triggers/{}/rotate-secret",
              "POST /api/triggers/x/events/{}/replay",
              "POST /webhooks/{}",
              "POST /webhooks/{}/verify")) {
        String[] parts = call.split(" ", 2);
        Response answer =
            given()
                .urlEncodingEnabled(false)
                .contentType("application/json")
                .body("{}")
                .request(parts[0], parts[1].replace("{}", bad));
        if (answer.statusCode() != 400 || !answer.asString().contains("Path parameter '")) {
          wrong.add(
              call
                  + " with "
                  + abbreviated(bad)
                  + " answered "
                  + answer.statusCode()
                  + ": "
                  + abbreviated(answer.asString()));
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aNulInAnyQueryIsA400NamingTheParameter() {
    Map<String, Long> before = counts();
    List<String> wrong = new ArrayList<>();
    for (String call :
        List.of(
            "GET /api/runs?flow=a%00b",
            "GET /api/runs?status=a%00b",
            "GET /api/audit?action=a%00b",
            "GET /api/schedules?flow=a%00b",
            "POST /webhooks/x?source=a%00b")) {
      String[] parts = call.split(" ", 2);
      Response answer =
          given()
              .urlEncodingEnabled(false)
              .contentType("application/json")
              .body("{}")
              .request(parts[0], parts[1]);
      String parameter = parts[1].substring(parts[1].indexOf('?') + 1, parts[1].indexOf('='));
      if (answer.statusCode() != 400
          || !answer.asString().contains("Query parameter '" + parameter + "'")) {
        wrong.add(
            call + " answered " + answer.statusCode() + ": " + abbreviated(answer.asString()));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  private static List<BodyCase> bodyCases(String bad) {
    String text = com.fasterxml.jackson.databind.node.TextNode.valueOf(bad).toString();
    return List.of(
        new BodyCase(
            "POST",
            "/api/flows/plex-po-to-csv/runs",
            "{\"variables\": {\"note\": " + text + "}}",
            "variables.note"),
        new BodyCase(
            "POST",
            "/api/flows/plex-po-to-csv/runs",
            "{\"variables\": {" + text + ": 1}}",
            "variables"),
        new BodyCase(
            "PUT",
            "/api/connections/text-input",
            "{\"type\": \"file\", \"settings\": {\"baseDirectory\": " + text + "}}",
            "settings.baseDirectory"),
        new BodyCase("PUT", "/api/connections/text-input", "{\"type\": " + text + "}", "type"),
        new BodyCase(
            "POST",
            "/api/connections/test",
            "{\"name\": " + text + ", \"type\": \"file\"}",
            "name"),
        new BodyCase(
            "POST",
            "/api/subscriptions",
            "{\"url\": " + text + ", \"eventTypes\": [\"sync.completed\"]}",
            "url"),
        new BodyCase(
            "POST",
            "/api/subscriptions",
            "{\"url\": \"https://example.com/hook\", \"eventTypes\": [" + text + "]}",
            "eventTypes[0]"),
        new BodyCase(
            "POST",
            "/api/triggers",
            "{\"name\": " + text + ", \"routes\": [{\"flowId\": \"x\"}]}",
            "name"),
        new BodyCase(
            "POST",
            "/api/triggers",
            "{\"name\": \"t\", \"routes\": [{\"flowId\": " + text + "}]}",
            "routes[0].flowId"),
        new BodyCase(
            "POST",
            "/api/triggers",
            "{\"name\": \"t\", \"signature\": {\"type\": \"hmac\", \"header\": "
                + text
                + "}, \"routes\": [{\"flowId\": \"x\"}]}",
            "signature.header"),
        new BodyCase(
            "POST", "/api/tokens", "{\"name\": " + text + ", \"role\": \"viewer\"}", "name"),
        new BodyCase("PUT", "/api/secrets/text-input", "{\"value\": " + text + "}", "value"),
        new BodyCase(
            "PUT",
            "/api/triggers/no-such-trigger/routes",
            "{\"routes\": [{\"condition\": " + text + ", \"flowId\": \"x\"}]}",
            "routes[0].condition"));
  }

  private void assertAll(List<BodyCase> cases, String problem) {
    Map<String, Long> before = counts();
    List<String> wrong = new ArrayList<>();
    for (BodyCase call : cases) {
      Response answer =
          given()
              .contentType("application/json")
              .body(call.body())
              .request(call.method(), call.path());
      String message = answer.statusCode() == 400 ? answer.path("message") : null;
      if (message == null
          || !message.contains("'" + call.field() + "'")
          || !message.contains(problem)) {
        wrong.add(
            call.method()
                + " "
                + call.path()
                + " ("
                + call.field()
                + ") answered "
                + answer.statusCode()
                + ": "
                + abbreviated(answer.asString()));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                TABLES.forEach(
                    table ->
                        counts.put(
                            table,
                            h.createQuery("select count(*) from " + table)
                                .mapTo(Long.class)
                                .one())));
    return counts;
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
