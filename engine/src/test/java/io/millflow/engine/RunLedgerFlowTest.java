package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.LinearFlow.task;
import static io.millflow.engine.RunLedgers.onlyPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every run accounts for every record, path by path, and a cursor moves only when its paths
 * balance.
 */
@QuarkusTest
class RunLedgerFlowTest {

  private static final String FLOW = "plex-po-to-postgres";

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  private Jdbi warehouse;

  @BeforeEach
  void emptyWarehouse() {
    warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
    FlowTestSupport.resetSyncState(FLOW);
  }

  @Test
  void thePlexToPostgresLedgerBalancesWithExactCountsOnAFirstRunAndAFullReRead() {
    JsonPath first = awaitRunEnd(startRun(FLOW));
    String cursor =
        given()
            .get("/api/flows/{id}/sync-state", FLOW)
            .then()
            .extract()
            .jsonPath()
            .getString("[0].cursor");
    FlowTestSupport.resetSyncState(FLOW);
    JsonPath again = awaitRunEnd(startRun(FLOW));

    Map<String, Object> path = onlyPath(first);
    assertThat(path)
        .containsEntry("source", "ReadOrders")
        .containsEntry("sink", "WriteOrders")
        .containsEntry("read", 25)
        .containsEntry("mapped", 25)
        .containsEntry("inserted", 25)
        .containsEntry("updated", 0)
        .containsEntry("unchanged", 0)
        .containsEntry("skippedOlder", 0)
        .containsEntry("rejected", 0)
        .containsEntry("collapsed", 0)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true)
        .containsEntry("window", window(null, cursor));
    assertThat(first.getMap("ledger[0].fillRates.orderNumber")).containsEntry("rate", 1.0f);
    assertThat(first.getMap("ledger[0].fillRates.'lines.quantity'"))
        .containsEntry("filled", 125)
        .containsEntry("total", 125);
    assertThat(first.getList("ledger[0].warnings")).isEmpty();
    assertThat(first.getMap("ledger[0].newFieldsSeen"))
        .as("the Plex sandbox serves Plex's published shape")
        .isEmpty();
    assertThat(onlyPath(again))
        .containsEntry("read", 25)
        .containsEntry("inserted", 0)
        .containsEntry("updated", 0)
        .containsEntry("unchanged", 25)
        .containsEntry("balanced", true);
  }

  @Test
  void aSinkThatRejectsRowsCompletesTheRunNamingThemAndLeavesTheCursorWhereItWas() {
    warehouse.useHandle(
        h -> {
          h.execute("drop table if exists ledger_source, ledger_target");
          h.execute("create table ledger_source (sku text, qty int, updated_at timestamptz)");
          h.execute(
              """
          insert into ledger_source values ('A', 1, '2026-01-01T00:00:01Z'), (null, 2, '2026-01-01T00:00:02Z'),
            ('B', 3, '2026-01-01T00:00:03Z'), (null, 4, '2026-01-01T00:00:04Z')""");
        });
    String flow = deploy(queryToWarehouse("ledger-sink-rejects"));
    FlowTestSupport.resetSyncState(flow);

    JsonPath run = awaitRunEnd(startRun(flow));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    Map<String, Object> path = onlyPath(run);
    assertThat(path)
        .containsEntry("source", "Query")
        .containsEntry("sink", "Write")
        .containsEntry("read", 4)
        .containsEntry("inserted", 2)
        .containsEntry("rejected", 2)
        .containsEntry("rejectedBySink", 2)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
    assertThat(run.getList("ledger[0].rejectedRecords", String.class))
        .containsExactly("record 2 of the dataset", "record 4 of the dataset");
    assertThat(run.getMap("ledger[0].rejectedReasons"))
        .containsEntry("no value for the key field 'sku'", 2);
    assertThat(run.getList("ledger[0].warnings", String.class))
        .singleElement()
        .asString()
        .contains("Write rejected 2 records", "cursors stay where they were");
    assertThat(
            given()
                .get("/api/flows/{id}/sync-state", flow)
                .then()
                .extract()
                .jsonPath()
                .getList("$"))
        .isEmpty();
  }

  private static Map<String, Object> window(String from, String to) {
    Map<String, Object> window = new java.util.HashMap<>();
    window.put("from", from);
    window.put("to", to);
    return window;
  }

  /**
   * A query of the warehouse's ledger_source, incremental on updated_at, upserted by sku into
   * ledger_target.
   */
  private static String queryToWarehouse(String processId) {
    return LinearFlow.bpmn(
        processId,
        task(
            "Query",
            "postgres.query",
            "rows",
            "connection",
            "warehouse",
            "sql",
            "select sku, qty, updated_at from ledger_source"
                + " where updated_at > cast(:cursor as timestamptz) order by updated_at",
            "parameters",
            "={cursor: \"1970-01-01T00:00:00Z\"}",
            "cursorColumn",
            "updated_at"),
        task(
            "Write",
            "postgres.write",
            "written",
            "connection",
            "warehouse",
            "table",
            "ledger_target",
            "keyFields",
            "sku",
            "records",
            "=rows.records"));
  }
}
