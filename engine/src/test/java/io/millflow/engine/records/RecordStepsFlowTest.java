package io.millflow.engine.records;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.millflow.engine.FlowTestSupport;
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
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_%1$s" targetNamespace="http://millflow.io/flows">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Query">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="postgres.query" retries="1" />
                <zeebe:ioMapping>
                  <zeebe:input source="warehouse" target="connection" />
                  <zeebe:input source="select part, qty, status from records_flow_source order by qty" target="sql" />
                </zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="resultVariable" value="rows" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Map">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="records.map" retries="1" />
                <zeebe:ioMapping>
                  <zeebe:input source="=rows.records" target="records" />
                  <zeebe:input source="if part = null then null else {part: upper case(part), qty: qty * 10, cancelled: status = &#34;cancelled&#34;}" target="expression" />
                  <zeebe:input source="0.5" target="maxRejectedShare" />
                </zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="resultVariable" value="mapped" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Filter">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="records.filter" retries="1" />
                <zeebe:ioMapping>
                  <zeebe:input source="=mapped.records" target="records" />
                  <zeebe:input source="not(cancelled)" target="condition" />
                </zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="resultVariable" value="kept" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Aggregate">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="records.aggregate" retries="1" />
                <zeebe:ioMapping>
                  <zeebe:input source="=kept.records" target="records" />
                  <zeebe:input source="part" target="groupBy" />
                  <zeebe:input source="count as lines, sum(qty) as total_qty" target="aggregates" />
                </zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="resultVariable" value="groups" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Write">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="postgres.write" retries="1" />
                <zeebe:ioMapping>
                  <zeebe:input source="warehouse" target="connection" />
                  <zeebe:input source="records_flow_target" target="table" />
                  <zeebe:input source="part" target="keyFields" />
                  <zeebe:input source="=groups.records" target="records" />
                </zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="resultVariable" value="written" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>F5</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F6</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Query" />
            <bpmn:sequenceFlow id="F2" sourceRef="Query" targetRef="Map" />
            <bpmn:sequenceFlow id="F3" sourceRef="Map" targetRef="Filter" />
            <bpmn:sequenceFlow id="F4" sourceRef="Filter" targetRef="Aggregate" />
            <bpmn:sequenceFlow id="F5" sourceRef="Aggregate" targetRef="Write" />
            <bpmn:sequenceFlow id="F6" sourceRef="Write" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processId)
        .strip();
  }
}
