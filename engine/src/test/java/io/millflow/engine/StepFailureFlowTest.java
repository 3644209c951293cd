package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step's StepFailure is a BPMN error: caught by an error event the flow goes on; uncaught the run
 * shows an incident.
 */
@QuarkusTest
class StepFailureFlowTest {

  private static final String WAREHOUSE =
      "<zeebe:input source=\"warehouse\" target=\"connection\" />";
  private static final String MISSING_WAREHOUSE =
      "<zeebe:input source=\"no-such-warehouse\" target=\"connection\" />";

  @Test
  void anUncaughtStepFailureShowsTheRunAtAnIncidentWithTheErrorCode() {
    String flow = deploy(variant("po-missing-connection", WAREHOUSE, MISSING_WAREHOUSE));

    JsonPath run = awaitRunEnd(startRun(flow));

    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(run.getString("run.error"))
        .contains("CONNECTION_NOT_FOUND", "no-such-warehouse", "WriteOrders");
    Map<String, Object> write = lastStep(run);
    // Uncaught, the error stops the step at an incident in every engine, so a retry runs it again.
    assertThat(write)
        .containsEntry("status", "failed")
        .containsEntry("errorCode", "CONNECTION_NOT_FOUND");
  }

  @Test
  void aStepFailureCaughtByAnErrorBoundaryEventLetsTheFlowFinish() {
    String bpmn =
        variant("po-missing-connection-caught", WAREHOUSE, MISSING_WAREHOUSE)
            .replace(
                "</bpmn:process>",
                """
            <bpmn:boundaryEvent id="WriteFailed" attachedToRef="WriteOrders">
              <bpmn:outgoing>Flow_Failed</bpmn:outgoing>
              <bpmn:errorEventDefinition id="WriteFailedDefinition" errorRef="Error_NoConnection" />
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="NotWritten"><bpmn:incoming>Flow_Failed</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_Failed" sourceRef="WriteFailed" targetRef="NotWritten" />
          </bpmn:process>
          <bpmn:error id="Error_NoConnection" name="No connection" errorCode="CONNECTION_NOT_FOUND" />""");

    JsonPath run = awaitRunEnd(startRun(deploy(bpmn)));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(lastStep(run)).containsEntry("status", "error_thrown");
  }

  private static Map<String, Object> lastStep(JsonPath run) {
    List<Map<String, Object>> steps = run.getList("steps.step");
    return steps.getLast();
  }
}
