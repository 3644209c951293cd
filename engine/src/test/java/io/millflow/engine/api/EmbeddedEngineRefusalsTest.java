package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.port.ProcessEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the embedded engine does not translate is refused at deploy with a 400 naming the element,
 * never ignored; and nothing in a flow makes the embedded engine run Java or JUEL (a tenant's
 * designer must not reach the runtime).
 */
@QuarkusTest
class EmbeddedEngineRefusalsTest {

  @Inject ProcessEngine engine;

  @BeforeEach
  void onlyOnTheEmbeddedEngine() {
    Assumptions.assumeTrue(engine.embedded(), "a Camunda 8 cluster runs user tasks itself");
  }

  @Test
  void aUserTaskIsRefusedNamingTheElementAndTheEngine() {
    deploy(
            flow(
                "refused-user-task",
                """
        <bpmn:userTask id="Approve" name="Approve"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
        """,
                "Approve"))
        .then()
        .statusCode(400)
        .body("problems[0].elementId", equalTo("Approve"))
        .body("problems[0].reason", containsString("embedded engine"));
  }

  @Test
  void aJuelConditionNeverRuns() {
    String gateway =
        """
        <bpmn:exclusiveGateway id="Choose" default="F3"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>F3</bpmn:outgoing></bpmn:exclusiveGateway>
        <bpmn:sequenceFlow id="F3" sourceRef="Choose" targetRef="End" />
        """;
    String bpmn =
        flow("refused-juel", gateway, "Choose")
            .replace(
                "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Choose\" targetRef=\"End\" />",
                "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Choose\" targetRef=\"End\"><bpmn:conditionExpression>${\"\".getClass().forName(\"java.lang.Runtime\") != null}</bpmn:conditionExpression></bpmn:sequenceFlow>");
    // Conditions are FEEL, as in Zeebe: JUEL is never evaluated, so the flow cannot deploy.
    deploy(bpmn)
        .then()
        .statusCode(400)
        .body("problems[0].reason", containsString("FEEL"))
        .body("problems[0].reason", containsString("F2"));
  }

  @Test
  void aCamunda7JavaDelegateIsRefused() {
    String bpmn =
        flow(
                "refused-delegate",
                """
        <bpmn:serviceTask id="Run" camunda:class="java.lang.Runtime">
          <bpmn:extensionElements><zeebe:taskDefinition type="webhook.send" /></bpmn:extensionElements>
          <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
        </bpmn:serviceTask>
        """,
                "Run")
            .replace(
                "xmlns:bpmn=",
                "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                    + "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" xmlns:bpmn=");
    deploy(bpmn)
        .then()
        .statusCode(400)
        .body("problems[0].elementId", equalTo("Run"))
        .body("problems[0].reason", containsString("embedded engine"));
  }

  @Test
  void aFlowExpressionTooCostlyToRunIsRefusedLikeARouteIs() {
    String bpmn =
        flow(
                "refused-costly-feel",
                """
        <bpmn:serviceTask id="Send">
          <bpmn:extensionElements>
            <zeebe:taskDefinition type="webhook.send" />
            <zeebe:ioMapping><zeebe:input source="=count(for i in 1..30000000 return i)" target="event" /></zeebe:ioMapping>
          </bpmn:extensionElements>
          <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
        </bpmn:serviceTask>
        """,
                "Send")
            .replace(
                "xmlns:bpmn=", "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" xmlns:bpmn=");
    deploy(bpmn).then().statusCode(400).body("problems[0].reason", containsString("too costly"));
  }

  private static io.restassured.response.Response deploy(String bpmn) {
    return given().contentType("application/xml").body(bpmn).when().post("/api/flows");
  }

  /** Start → {@code middle} (whose id is {@code middleId}) → End. */
  private static String flow(String id, String middle, String middleId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_%1$s" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            %2$s
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="%3$s" />
            <bpmn:sequenceFlow id="F2" sourceRef="%3$s" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id, middle, middleId);
  }
}
