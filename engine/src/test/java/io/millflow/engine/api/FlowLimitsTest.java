package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A flow too large for the engine is refused with 413 naming the limit and its setting, before it
 * reaches the engine (a 10,000-task flow was answered 500), and the flow stays undeployed.
 */
@QuarkusTest
class FlowLimitsTest {

  @Test
  void aTenThousandTaskFlowIsRefusedWith413NamingTheByteLimit() {
    String id = "ten-thousand-tasks-" + System.nanoTime();
    String bpmn = chainOfTasks(id, 10_000);

    given()
        .contentType("application/xml")
        .body(bpmn)
        .post("/api/flows")
        .then()
        .statusCode(413)
        .body("error", equalTo("flow_too_large"))
        .body(
            "message",
            allOf(
                containsString("at most 2097152 bytes"),
                containsString("millflow.flows.max-bpmn-bytes")));
    given().get("/api/flows/{id}/bpmn", id).then().statusCode(404);
  }

  @Test
  void aFlowWithMoreElementsThanTheLimitIsRefusedWith413NamingIt() {
    String id = "eleven-hundred-tasks-" + System.nanoTime();
    String bpmn = chainOfTasks(id, 1_100);

    given()
        .contentType("application/xml")
        .body(bpmn)
        .post("/api/flows")
        .then()
        .statusCode(413)
        .body("error", equalTo("flow_too_large"))
        .body(
            "message",
            allOf(
                containsString("holds 2203 flow elements"),
                containsString("at most 2000"),
                containsString("millflow.flows.max-elements")));
    given().get("/api/flows/{id}/bpmn", id).then().statusCode(404);
  }

  /**
   * A start event, {@code tasks} service tasks in a row and an end event, joined by sequence flows.
   */
  private static String chainOfTasks(String id, int tasks) {
    StringBuilder xml =
        new StringBuilder(
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="start" />
        """
                .formatted(id));
    String previous = "start";
    for (int i = 0; i < tasks; i++) {
      String task = "task" + i;
      xml.append(
          """
              <bpmn:serviceTask id="%s"><bpmn:extensionElements><zeebe:taskDefinition type="postgres.query" />\
          </bpmn:extensionElements></bpmn:serviceTask>
              <bpmn:sequenceFlow id="to%s" sourceRef="%s" targetRef="%s" />
          """
              .formatted(task, task, previous, task));
      previous = task;
    }
    xml.append(
        """
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="%s" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(previous));
    return xml.toString();
  }
}
