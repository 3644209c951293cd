package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.LinearFlow.task;
import static io.millflow.engine.RunLedgers.onlyPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.ledger.DroppingSink;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sink whose path does not balance stops the run at its own incident, before the engine moves on:
 * the gap is named, the cursor stays, and a retry after the fix completes the run and moves it.
 */
@QuarkusTest
@TestProfile(UnbalancedLedgerIncidentTest.WithDroppingSink.class)
class UnbalancedLedgerIncidentTest {

  /**
   * The test step {@link DroppingSink} is in the step catalog, with a data directory of its own:
   * the flow deployed here names the step, so the other tests' runtime, which does not know it,
   * must not redeploy it at its start.
   */
  public static class WithDroppingSink implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          DroppingSink.SWITCH, "true", "millflow.data-dir", "target/test-data-dropping-sink");
    }
  }

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  @AfterEach
  void fixTheSink() {
    DroppingSink.dropping.set(0);
  }

  @Test
  void aSinkThatLosesARecordStopsTheRunAtAnIncidentNamingTheGapAndKeepsTheCursor() {
    Jdbi warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(
        h -> {
          h.execute("drop table if exists ledger_drop_source");
          h.execute("create table ledger_drop_source (sku text, updated_at timestamptz)");
          h.execute(
              """
              insert into ledger_drop_source values ('A', '2026-01-01T00:00:01Z'),
                ('B', '2026-01-01T00:00:02Z'), ('C', '2026-01-01T00:00:03Z')""");
        });
    String flow = deploy(queryToDroppingSink("ledger-drops-a-record"));
    FlowTestSupport.resetSyncState(flow);
    DroppingSink.dropping.set(1);

    String runId = startRun(flow);
    JsonPath stopped = awaitRunEnd(runId);

    assertThat(stopped.getString("run.status")).as(stopped.prettify()).isEqualTo("incident");
    assertThat(stopped.getString("steps.find { it.step.elementId == 'Write' }.step.status"))
        .isEqualTo("failed");
    assertThat(stopped.getString("steps.find { it.step.elementId == 'Write' }.step.errorCode"))
        .isEqualTo("LEDGER_UNBALANCED");
    assertThat(stopped.getString("steps.find { it.step.elementId == 'Write' }.step.error"))
        .contains(
            "(row)",
            "The ledger of Query → Write does not balance: 3 records read, 2 accounted for"
                + " (2 written, 0 unchanged, 0 older than stored, 0 rejected,"
                + " 0 duplicates collapsed, 0 filtered out); 1 missing: between Query and Write (3 passed on, 2 taken)",
            "The cursor stays where it was");
    Map<String, Object> path = onlyPath(stopped);
    assertThat(path)
        .containsEntry("source", "Query")
        .containsEntry("sink", "Write")
        .containsEntry("read", 3)
        .containsEntry("inserted", 2)
        .containsEntry("gap", 1)
        .containsEntry("balanced", false);
    assertThat(syncState(flow)).as("the cursor did not move").isEmpty();

    DroppingSink.dropping.set(0);
    given()
        .post("/api/runs/{id}/retry", runId)
        .then()
        .statusCode(200)
        .body("status", equalTo("running"));
    JsonPath retried = awaitRunEnd(runId);

    assertThat(retried.getString("run.status")).as(retried.prettify()).isEqualTo("completed");
    assertThat(onlyPath(retried))
        .containsEntry("read", 3)
        .containsEntry("inserted", 3)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
    assertThat(syncState(flow)).as("the cursor moved once the path balanced").hasSize(1);
  }

  private static List<Object> syncState(String flow) {
    return given()
        .get("/api/flows/{id}/sync-state", flow)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** An incremental query of the warehouse's ledger_drop_source into the dropping sink. */
  private static String queryToDroppingSink(String processId) {
    return LinearFlow.bpmn(
        processId,
        task(
            "Query",
            "postgres.query",
            "rows",
            "connection",
            "warehouse",
            "sql",
            "select sku, updated_at from ledger_drop_source"
                + " where updated_at > cast(:cursor as timestamptz) order by updated_at",
            "parameters",
            "={cursor: \"1970-01-01T00:00:00Z\"}",
            "cursorColumn",
            "updated_at"),
        task("Write", "test.dropping-sink", "written", "records", "=rows.records"));
  }
}
