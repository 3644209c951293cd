package io.millflow.engine.records;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.LinearFlow.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.LinearFlow;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A flow reads rows from PostgreSQL, maps, filters and aggregates them with the record steps, and
 * writes the groups back; the run's ledger accounts for every row read.
 */
@QuarkusTest
class RecordStepsFlowTest {

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  @Test
  void mapFilterAggregateIntoPostgresWritesTheGroupsAndTheLedgerBalances() {
    Jdbi warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(
        h -> {
          h.execute("drop table if exists records_flow_source, records_flow_target");
          h.execute("create table records_flow_source (part text, qty int, status text)");
          h.execute(
              """
              insert into records_flow_source values ('a', 2, 'open'), ('a', 3, 'open'),
                ('b', 5, 'cancelled'), ('b', 1, 'open'), (null, 4, 'open'), ('c', 7, 'cancelled')""");
        });
    String flow = deploy(mapFilterAggregate("records-map-filter-aggregate"));

    JsonPath run = awaitRunEnd(startRun(flow));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    List<Map<String, Object>> written =
        warehouse.withHandle(
            h ->
                h.createQuery(
                        "select part, lines::int as lines, total_qty::int as total_qty from records_flow_target order by part")
                    .mapToMap()
                    .list());
    assertThat(written)
        .containsExactly(
            Map.of("part", "A", "lines", 2, "total_qty", 50),
            Map.of("part", "B", "lines", 1, "total_qty", 10));
    List<Map<String, Object>> ledger = run.getList("ledger");
    assertThat(ledger).as(run.prettify()).hasSize(1);
    assertThat(ledger.getFirst())
        .containsEntry("source", "Query")
        .containsEntry("sink", "Write")
        .containsEntry("read", 6)
        .containsEntry("mapped", 2)
        .containsEntry("rejected", 1)
        .containsEntry("filtered", 2)
        .containsEntry("collapsed", 1)
        .containsEntry("inserted", 2)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
    assertThat(run.getMap("ledger[0].rejectedReasons"))
        .containsEntry("the expression gave null, not a context", 1);
  }

  @Test
  void theDesignerPaletteOffersTheFourRecordSteps() {
    given()
        .get("/api/element-templates")
        .then()
        .statusCode(200)
        .body(
            "findAll { it.metadata.group == 'Transforms' }.id",
            hasItems(
                "io.millflow.records.map",
                "io.millflow.records.filter",
                "io.millflow.records.dedupe",
                "io.millflow.records.aggregate"));
  }

  /**
   * Query → records.map (upper-case part, qty × 10, rejects a row without part) → records.filter
   * (drops cancelled) → records.aggregate (per part: lines, total qty) → postgres.write.
   */
  private static String mapFilterAggregate(String processId) {
    return LinearFlow.bpmn(
        processId,
        task(
            "Query",
            "postgres.query",
            "rows",
            "connection",
            "warehouse",
            "sql",
            "select part, qty, status from records_flow_source order by qty"),
        task(
            "Map",
            "records.map",
            "mapped",
            "records",
            "=rows.records",
            "expression",
            "if part = null then null else {part: upper case(part), qty: qty * 10,"
                + " cancelled: status = \"cancelled\"}",
            "maxRejectedShare",
            "0.5"),
        task(
            "Filter",
            "records.filter",
            "kept",
            "records",
            "=mapped.records",
            "condition",
            "not(cancelled)"),
        task(
            "Aggregate",
            "records.aggregate",
            "groups",
            "records",
            "=kept.records",
            "groupBy",
            "part",
            "aggregates",
            "count as lines, sum(qty) as total_qty"),
        task(
            "Write",
            "postgres.write",
            "written",
            "connection",
            "warehouse",
            "table",
            "records_flow_target",
            "keyFields",
            "part",
            "records",
            "=groups.records"));
  }
}
