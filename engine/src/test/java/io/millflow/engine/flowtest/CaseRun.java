package io.millflow.engine.flowtest;

import static io.restassured.RestAssured.given;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.flowtest.FlowTestFile.Case;
import io.millflow.engine.flowtest.FlowTestFile.GivenSql;
import io.millflow.engine.flowtest.FlowTestFile.SandboxCall;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.engine.flowtest.FlowTestFile.StepRecords;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one case against the runtime: empties its sinks, deploys its copy of the flow, makes the
 * runs before, calls the sandboxes, makes the checked run, and reads back what it ended with.
 */
final class CaseRun {

  private final FlowTestRuntime runtime;
  private final FlowTestFile file;
  private final Case testCase;
  private final Collection<String> connections;

  /**
   * @param connections the connections the case names (its flow's, sinks' and sandbox calls'),
   *     whose {@code connection.*} events it may expect
   */
  CaseRun(
      FlowTestRuntime runtime, FlowTestFile file, Case testCase, Collection<String> connections) {
    this.runtime = runtime;
    this.file = file;
    this.testCase = testCase;
    this.connections = connections;
  }

  List<Mismatch> run(String bpmn, String processId) {
    for (Sink sink : testCase.expect().sinks()) {
      Connection connection = runtime.connection(sink.connection());
      Optional<ApiSinkRecords> api = ApiSinkRecords.of(connection);
      if (!sink.filter().isEmpty() && !api.map(ApiSinkRecords::takesFilter).orElse(false)) {
        throw new FlowTestFormatException(
            sink.label() + ": a filter is for Plex sinks; this connection is " + connection.type());
      }
      if (api.isEmpty()) {
        SinkContents.empty(connection, sink.table());
      }
    }
    for (GivenSql sql : testCase.given()) {
      GivenSqlRun.run(runtime.connection(sql.connection()), sql);
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
      Instant since = runtime.storeNow();
      CursorPlaceholders cursors =
          new CursorPlaceholders(element -> runtime.committedCursor(processId, element));
      testCase.sandbox().forEach(call -> call(call, cursors));
      String runId = start(flowId);
      JsonPath run = FlowTestSupport.awaitRunEnd(runId);
      return OutcomeCheck.compare(testCase.expect(), outcome(runId, run, since));
    } finally {
      testCase.sandbox().forEach(call -> runtime.clearFaults(call.connection()));
      testCase.sandbox().forEach(call -> runtime.recheck(call.connection()));
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

  private void call(SandboxCall call, CursorPlaceholders cursors) {
    String url = runtime.sandboxUrl(call.connection()) + "/_sandbox/" + call.endpoint();
    Response answer =
        given()
            .contentType(ContentType.JSON)
            .body(Json.mapper().valueToTree(cursors.resolve(call.body())).toString())
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

  private RunOutcome outcome(String runId, JsonPath run, Instant since) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    List<Map<String, Object>> steps = run.getList("steps.step");
    for (Map<String, Object> step : steps) {
      attempts.merge(String.valueOf(step.get("elementId")), 1, Integer::sum);
    }
    Map<String, List<Map<String, Object>>> sinks = new LinkedHashMap<>();
    for (Sink sink : testCase.expect().sinks()) {
      Connection connection = runtime.connection(sink.connection());
      sinks.put(sink.label(), rows(connection, sink));
    }
    Map<String, WrittenRecords> records = new LinkedHashMap<>();
    for (StepRecords expected : testCase.expect().records()) {
      records.put(expected.element(), WrittenRecords.of(runId, expected.element()));
    }
    List<Map<String, Object>> ledger = run.getList("ledger");
    return new RunOutcome(
        run.getString("run.status"),
        run.getString("run.error"),
        ledger == null ? List.of() : ledger,
        attempts,
        sinks,
        events(testCase.expect().events(), () -> runtime.eventsOf(runId)),
        events(
            testCase.expect().connectionEvents(),
            () -> runtime.connectionEventsSince(connections, since)),
        records);
  }

  private static List<Map<String, Object>> rows(Connection connection, Sink sink) {
    return ApiSinkRecords.of(connection)
        .map(api -> api.rows(connection, sink))
        .orElseGet(() -> SinkContents.rows(connection, sink.table()));
  }

  /** Events are stored as the run ends; a moment's wait lets the last one in. */
  private static List<String> events(List<String> expected, Supplier<List<String>> stored) {
    if (expected == null) {
      return List.of();
    }
    Instant until = Instant.now().plus(Duration.ofSeconds(2));
    List<String> events = stored.get();
    while (events.size() < expected.size() && Instant.now().isBefore(until)) {
      sleep();
      events = stored.get();
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
