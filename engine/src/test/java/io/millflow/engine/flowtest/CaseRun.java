package io.millflow.engine.flowtest;

import static io.restassured.RestAssured.given;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.flowtest.FlowTestFile.Case;
import io.millflow.engine.flowtest.FlowTestFile.SandboxCall;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.step.Json;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one case against the runtime: empties its sinks, deploys its copy of the flow, makes the
 * runs before, calls the sandboxes, makes the checked run, and reads back what it ended with.
 */
final class CaseRun {

  private final FlowTestRuntime runtime;
  private final FlowTestFile file;
  private final Case testCase;

  CaseRun(FlowTestRuntime runtime, FlowTestFile file, Case testCase) {
    this.runtime = runtime;
    this.file = file;
    this.testCase = testCase;
  }

  List<Mismatch> run(String bpmn, String processId) {
    for (Sink sink : testCase.expect().sinks()) {
      SinkContents.empty(runtime.connection(sink.connection()), sink.table());
    }
    String flowId =
        FlowTestSupport.deploy(FlowUnderTest.copy(bpmn, processId, file.replacements()));
    try {
      for (int i = 1; i <= testCase.runsBefore(); i++) {
        JsonPath before = FlowTestSupport.awaitRunEnd(start(flowId));
        if (!"completed".equals(before.getString("run.status"))) {
          return List.of(
              new Mismatch(
                  "run " + i + " before the checked run",
                  "completed",
                  before.getString("run.status") + " (" + before.getString("run.error") + ")"));
        }
      }
      testCase.sandbox().forEach(this::call);
      String runId = start(flowId);
      JsonPath run = FlowTestSupport.awaitRunEnd(runId);
      return OutcomeCheck.compare(testCase.expect(), outcome(runId, run));
    } finally {
      testCase.sandbox().forEach(call -> runtime.clearFaults(call.connection()));
    }
  }

  private String start(String flowId) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", testCase.variables()))
        .when()
        .post("/api/flows/{id}/runs", flowId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void call(SandboxCall call) {
    String url = runtime.sandboxUrl(call.connection()) + "/_sandbox/" + call.endpoint();
    Response answer =
        given()
            .contentType(ContentType.JSON)
            .body(Json.mapper().valueToTree(call.body()).toString())
            .post(url);
    if (answer.statusCode() >= 300) {
      throw new FlowTestFormatException(
          "case '"
              + testCase.name()
              + "': sandbox call to "
              + call.connection()
              + " /_sandbox/"
              + call.endpoint()
              + " was refused ("
              + answer.statusCode()
              + "): "
              + answer.asString());
    }
  }

  private RunOutcome outcome(String runId, JsonPath run) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    List<Map<String, Object>> steps = run.getList("steps.step");
    for (Map<String, Object> step : steps) {
      attempts.merge(String.valueOf(step.get("elementId")), 1, Integer::sum);
    }
    Map<String, List<Map<String, Object>>> sinks = new LinkedHashMap<>();
    for (Sink sink : testCase.expect().sinks()) {
      sinks.put(
          sink.label(), SinkContents.rows(runtime.connection(sink.connection()), sink.table()));
    }
    List<Map<String, Object>> ledger = run.getList("ledger");
    return new RunOutcome(
        run.getString("run.status"),
        run.getString("run.error"),
        ledger == null ? List.of() : ledger,
        attempts,
        sinks,
        events(runId));
  }

  /** Events are stored as the run ends; a moment's wait lets the last one in. */
  private List<String> events(String runId) {
    List<String> expected = testCase.expect().events();
    if (expected == null) {
      return List.of();
    }
    Instant until = Instant.now().plus(Duration.ofSeconds(2));
    List<String> events = runtime.eventsOf(runId);
    while (events.size() < expected.size() && Instant.now().isBefore(until)) {
      sleep();
      events = runtime.eventsOf(runId);
    }
    return events;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
