package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.millflow.engine.port.ProcessEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulesApiTest {

  @Test
  void listsTheShippedSyncsScheduleWithItsNextFireTime() {
    JsonPath schedules =
        given()
            .queryParam("flow", "plex-po-to-postgres")
            .get("/api/schedules")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .body("[0].elementId", equalTo("Every15Minutes"))
            .body("[0].kind", equalTo("CRON"))
            .body("[0].expression", equalTo("0 */15 * * * *"))
            .extract()
            .jsonPath();

    Instant next = Instant.parse(schedules.getString("[0].nextFireAt"));
    assertThat(next)
        .isAfter(Instant.now().minusSeconds(1))
        .isBefore(Instant.now().plus(Duration.ofMinutes(15)));
    assertThat(next.getEpochSecond() % (15 * 60)).isZero();
  }

  @Inject ProcessEngine engine;

  @Test
  void aFeelTimerIsRefusedByTheEmbeddedEngineNamingItsElement() {
    Assumptions.assumeTrue(engine.embedded(), "a Camunda 8 cluster evaluates FEEL timers itself");
    given()
        .contentType("application/xml")
        .body(bpmn("feel-timer-refused"))
        .post("/api/flows")
        .then()
        .statusCode(400)
        .body("problems[0].elementId", equalTo("Computed"))
        .body("problems[0].reason", containsString("FEEL timer"));
  }

  @Test
  void listsADeployedFlowsCycleAndSaysWhenAnExpressionIsOnlyZeebes() {
    Assumptions.assumeFalse(
        engine.embedded(), "the embedded engine refuses FEEL timers (the test above)");
    given()
        .contentType("application/xml")
        .body(bpmn("scheduled-by-api"))
        .post("/api/flows")
        .then()
        .statusCode(201);

    given()
        .queryParam("flow", "scheduled-by-api")
        .get("/api/schedules")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("find { it.elementId == 'Hourly' }.kind", equalTo("CYCLE"))
        .body("find { it.elementId == 'Computed' }.kind", equalTo("EXPRESSION"))
        .body("find { it.elementId == 'Computed' }.nextFireAt", equalTo(null));
  }

  @Test
  void aPausedScheduleDoesNotFireEvenAfterANewVersionAndFiresAgainOnceResumed()
      throws InterruptedException {
    Assumptions.assumeTrue(engine.embedded(), "a Camunda 8 cluster answers 409 (below)");
    // a flow of its own per run: the state store outlives a test run, and its timer its test
    String flow = "paused-every-second-" + Long.toString(System.nanoTime(), 36);
    deployEverySecond(flow, "Every second");
    given()
        .post("/api/schedules/{flow}/pause", flow)
        .then()
        .statusCode(200)
        .body("pausedAt", org.hamcrest.Matchers.notNullValue());
    Thread.sleep(1_500); // a fire between the deploy and the pause is recorded
    int before = runs(flow);
    deployEverySecond(flow, "Every second, renamed"); // a new version's timer starts active
    given()
        .queryParam("flow", flow)
        .get("/api/schedules")
        .then()
        .body("[0].pausedAt", org.hamcrest.Matchers.notNullValue())
        .body("[0].nextFireAt", equalTo(null));

    Thread.sleep(3_000); // three cycles
    assertThat(runs(flow)).isEqualTo(before);

    given().delete("/api/schedules/{flow}/pause", flow).then().statusCode(200);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runs(flow) > before);
    given().post("/api/schedules/{flow}/pause", "no-such-flow").then().statusCode(404);
  }

  @Test
  void aClusterRefusesToPauseASchedule() {
    Assumptions.assumeFalse(engine.embedded(), "the embedded engine pauses (above)");
    given()
        .post("/api/schedules/{flow}/pause", "plex-po-to-postgres")
        .then()
        .statusCode(409)
        .body("message", containsString("cannot pause a flow's schedule"));
  }

  private static void deployEverySecond(String id, String name) {
    given()
        .contentType("application/xml")
        .body(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://millflow.io/test">
              <bpmn:process id="%s" name="%s" isExecutable="true">
                <bpmn:startEvent id="EverySecond"><bpmn:outgoing>a</bpmn:outgoing>
                  <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R20/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:endEvent id="End"><bpmn:incoming>a</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="a" sourceRef="EverySecond" targetRef="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """
                .formatted(id, name)
                .strip())
        .post("/api/flows")
        .then()
        .statusCode(201);
  }

  private static int runs(String flow) {
    return Integer.parseInt(
        given()
            .queryParam("flow", flow)
            .queryParam("limit", 1)
            .get("/api/runs")
            .then()
            .statusCode(200)
            .extract()
            .header("X-Total-Count"));
  }

  private static String bpmn(String id) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="Hourly"><bpmn:outgoing>a</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:startEvent id="Computed"><bpmn:outgoing>b</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">=cycle(duration("PT2H"))</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:endEvent id="End"><bpmn:incoming>a</bpmn:incoming><bpmn:incoming>b</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="a" sourceRef="Hourly" targetRef="End"/>
            <bpmn:sequenceFlow id="b" sourceRef="Computed" targetRef="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id)
        .strip();
  }
}
