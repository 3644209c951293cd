package io.millflow.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.flow.BundledFlows;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Starts flows through the API, waits for their runs, and reads the example warehouse. */
public final class FlowTestSupport {

  /** Every run status but running, as the API shows it. */
  private static final Set<String> FINISHED =
      Arrays.stream(RunStatus.values())
          .filter(status -> status != RunStatus.RUNNING)
          .map(RunStatus::stored)
          .collect(Collectors.toUnmodifiableSet());

  private FlowTestSupport() {}

  public static String startRun(String flowId) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of()))
        .when()
        .post("/api/flows/{id}/runs", flowId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Forgets the flow's sync cursors, so its next run reads everything. */
  public static void resetSyncState(String flowId) {
    given().delete("/api/flows/{id}/sync-state", flowId).then().statusCode(200);
  }

  /** Waits until the run has completed or stopped at an incident, and returns its detail. */
  public static JsonPath awaitRunEnd(String runId) {
    try {
      return await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> run(runId), run -> FINISHED.contains(run.getString("run.status")));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "Run " + runId + " did not end; its history: " + run(runId).prettify(), e);
    }
  }

  private static JsonPath run(String runId) {
    return given().get("/api/runs/{id}", runId).then().statusCode(200).extract().jsonPath();
  }

  /** The shipped example flow under another process id, with one text replaced. */
  public static String variant(String processId, String from, String to) {
    String flow = "plex-po-to-postgres";
    String bpmn = BundledFlows.load().getFirst();
    if (!bpmn.contains(from)) {
      throw new IllegalArgumentException("The example flow does not contain " + from);
    }
    return bpmn.replace("id=\"" + flow + "\"", "id=\"" + processId + "\"")
        .replace("bpmnElement=\"" + flow + "\"", "bpmnElement=\"" + processId + "\"")
        .replace(from, to);
  }

  /**
   * The shipped NetSuite vendors flow under process id {@code processId}, writing to the embedded
   * {@code warehouse} PostgreSQL instead of Snowflake, which cannot be reached from here.
   */
  public static String netsuiteVendorsToWarehouse(String processId) {
    return BundledFlows.load().stream()
        .filter(b -> b.contains("id=\"netsuite-vendors-to-snowflake\""))
        .findFirst()
        .orElseThrow()
        .replace("netsuite-vendors-to-snowflake", processId)
        .replace("type=\"snowflake.write\"", "type=\"postgres.write\"")
        .replace(
            "source=\"snowflake\" target=\"connection\"",
            "source=\"warehouse\" target=\"connection\"");
  }

  /**
   * {@code GET /api/runs/{id}/datasets}: the datasets the run's completed step attempts read and
   * wrote, each with {@code elementId}, {@code role} and {@code dataset}.
   */
  public static java.util.List<Map<String, Object>> datasetsOf(String runId) {
    return given()
        .get("/api/runs/{id}/datasets", runId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  public static String deploy(String bpmn) {
    return given()
        .contentType("application/xml")
        .body(bpmn)
        .when()
        .post("/api/flows")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Jdbi warehouse(ConnectionRegistry connections, String tenant) {
    var warehouse = connections.resolve(tenant, SandboxLauncher.WAREHOUSE_CONNECTION);
    return Jdbi.create(
        warehouse.setting("jdbcUrl"),
        warehouse.credential("username"),
        warehouse.optionalCredential("password").orElse(""));
  }
}
