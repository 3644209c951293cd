package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A run that has not ended can be cancelled: the engine ends its instance and the history says who
 * did.
 */
@QuarkusTest
class RunCancelTest {

  private static final String WAITS_AN_HOUR =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_waits" targetNamespace="http://millflow.io/test">
        <bpmn:process id="waits-an-hour" isExecutable="true">
          <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            <bpmn:timerEventDefinition id="WaitTimer"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
          <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void aWaitingRunIsCancelledOnceAndThenSaysItEnded() {
    String runId = startRun(deploy(WAITS_AN_HOUR));

    given()
        .post("/api/runs/{id}/cancel", runId)
        .then()
        .statusCode(200)
        .body("status", equalTo("cancelled"))
        .body("error", containsString("Cancelled by"));
    given()
        .get("/api/runs/{id}", runId)
        .then()
        .statusCode(200)
        .body("run.status", equalTo("cancelled"));
    given()
        .post("/api/runs/{id}/cancel", runId)
        .then()
        .statusCode(409)
        .body("message", containsString("already ended"));
  }
}
