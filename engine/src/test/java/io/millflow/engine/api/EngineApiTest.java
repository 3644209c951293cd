package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.millflow.engine.port.ProcessEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code GET /api/engine}: the embedded engine pauses schedules and retries on the latest. */
@QuarkusTest
class EngineApiTest {

  @Inject ProcessEngine engine;

  @Test
  void theEmbeddedEngineSaysItPausesSchedulesAndRetriesOnTheLatestVersion() {
    Assumptions.assumeTrue(engine.embedded(), "the cluster's answer is in ClusterModeTest");

    given()
        .get("/api/engine")
        .then()
        .statusCode(200)
        .body("engine", equalTo(engine.engineId()))
        .body("embedded", equalTo(true))
        .body("pauseSchedules.supported", equalTo(true))
        .body("pauseSchedules.reason", nullValue())
        .body("retryOnLatest.supported", equalTo(true));
  }
}
