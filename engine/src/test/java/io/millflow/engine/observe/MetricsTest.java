package io.millflow.engine.observe;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.RepoPaths;
import io.millflow.engine.config.MillflowConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The meters after a known run, counted exactly, on the management interface and not on the API
 * port.
 */
@QuarkusTest
class MetricsTest {

  private static final String FLOW = "plex-po-to-csv";

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Inject MillflowConfig config;

  @Test
  void countsTheRunItsAttemptsAndTheirRecordsExactly() {
    FlowTestSupport.resetSyncState(FLOW);
    Scrape before = Scrape.of(metrics);

    String runId = startRun(FLOW);
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    Scrape after = Scrape.of(metrics);

    int orders = config.sandbox().plexPurchaseOrders();
    assertThat(delta(before, after, "millflow_runs_started_total{flow=\"" + FLOW + "\"}"))
        .isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "millflow_runs_ended_total{flow=\"" + FLOW + "\",status=\"completed\"}"))
        .isEqualTo(1);
    for (String step : Set.of("plex.purchase-orders.read", "unified.transform", "file.write")) {
      assertThat(
              delta(
                  before,
                  after,
                  "millflow_step_attempt_seconds_count{outcome=\"completed\",step_type=\""
                      + step
                      + "\"}"))
          .as(step)
          .isEqualTo(1);
    }
    assertThat(
            delta(
                before,
                after,
                "millflow_step_records_total{connection=\"plex-sandbox\",direction=\"read\","
                    + "step_type=\"plex.purchase-orders.read\"}"))
        .isEqualTo(orders);
    assertThat(
            delta(
                before,
                after,
                "millflow_step_records_total{connection=\"files\",direction=\"written\","
                    + "step_type=\"file.write\"}"))
        .isEqualTo(orders);
    assertThat(after.has("millflow_webhook_inbox_pending")).isTrue();
    assertThat(after.has("millflow_dataset_store_bytes")).isTrue();
    assertThat(after.value("millflow_engine_backlog{kind=\"service_task\"}"))
        .isGreaterThanOrEqualTo(0);
    assertThat(after.text()).doesNotContain("run_id").doesNotContain(runId);
  }

  @Test
  void aWebhookToAnUnknownTriggerAddsNoSeries() {
    Scrape before = Scrape.of(metrics);
    given()
        .body("{}")
        .post("/webhooks/no-such-trigger-" + System.nanoTime())
        .then()
        .statusCode(404);
    given()
        .body("{}")
        .post("/webhooks/no-such-trigger-" + System.nanoTime())
        .then()
        .statusCode(404);

    Scrape after = Scrape.of(metrics);
    assertThat(
            delta(
                before,
                after,
                "millflow_webhook_requests_total{status=\"404\",trigger=\"unknown\"}"))
        .isEqualTo(2);
    assertThat(after.text()).doesNotContain("no-such-trigger");
  }

  @Test
  void metricsAreNotServedOnTheApiPort() {
    given().get("/q/metrics").then().statusCode(404);
  }

  @Test
  void aCheckedConnectionIsCountedByItsStatus() {
    given().post("/api/connections/plex-sandbox/test").then().statusCode(200);

    // The store's gauges are read at most every few seconds.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        Scrape.of(metrics)
                            .value(
                                "millflow_connections{connection=\"plex-sandbox\",status=\"online\"}"))
                    .isEqualTo(1));
  }

  @Test
  void everyMetricTheDashboardUsesExists() throws Exception {
    awaitRunEnd(startRun(FLOW));
    given().post("/api/connections/plex-sandbox/test").then().statusCode(200);
    Scrape scrape =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> Scrape.of(metrics), found -> found.has("millflow_connections"));
    String dashboard = Files.readString(RepoPaths.root().resolve("deploy/grafana/millflow.json"));
    Matcher used = Pattern.compile("(millflow_[a-z_]+)").matcher(dashboard);
    Set<String> names = new TreeSet<>();
    while (used.find()) {
      names.add(used.group(1));
    }
    assertThat(names)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(scrape.has(name)).as(name).isTrue());
  }

  private static double delta(Scrape before, Scrape after, String sample) {
    return after.value(sample) - before.value(sample);
  }
}
