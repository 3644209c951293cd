package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/runs/{id}/datasets} and its preview and downloads, over HTTP against the runtime
 * with a real run of the Plex sandbox flow.
 */
@QuarkusTest
class RunDatasetsApiTest {

  private static final String FLOW = "plex-po-to-csv";

  @Inject StateStore store;

  private String runId;
  private Map<String, Object> read;

  @BeforeEach
  void runTheFlow() {
    FlowTestSupport.resetSyncState(FLOW);
    runId = FlowTestSupport.startRun(FLOW);
    assertThat(FlowTestSupport.awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    List<Map<String, Object>> datasets = FlowTestSupport.datasetsOf(runId);
    read =
        datasets.stream()
            .filter(d -> d.get("elementId").equals("ReadOrders") && d.get("role").equals("written"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("ReadOrders wrote no dataset: " + datasets));
  }

  @Test
  void listsEachStepsDatasetsWithTheLedgersCount() {
    JsonPath run = given().get("/api/runs/{id}", runId).then().extract().jsonPath();

    assertThat(((Number) read.get("records")).longValue()).isEqualTo(run.getLong("ledger[0].read"));
    assertThat(read.get("available")).isEqualTo(true);
    List<String> roles =
        given()
            .get("/api/runs/{id}/datasets", runId)
            .then()
            .extract()
            .jsonPath()
            .getList("findAll { it.dataset == '" + read.get("dataset") + "' }.role");
    assertThat(roles).containsExactly("written", "read");
  }

  @Test
  void previewsTheFirstRecordsUpToTheLimit() {
    JsonPath preview =
        given()
            .get("/api/runs/{id}/datasets/{dataset}?limit=7", runId, read.get("dataset"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(preview.getInt("shown")).isEqualTo(7);
    assertThat(preview.getList("items")).hasSize(7);
    assertThat(preview.getLong("records")).isEqualTo(((Number) read.get("records")).longValue());
    given()
        .get("/api/runs/{id}/datasets/{dataset}?limit=0", runId, read.get("dataset"))
        .then()
        .statusCode(400)
        .contentType(ContentType.JSON);
  }

  @Test
  void downloadsEveryRecordAsJsonLinesAndAsCsv() {
    long records = ((Number) read.get("records")).longValue();
    Response jsonl =
        given().get("/api/runs/{id}/datasets/{dataset}/download", runId, read.get("dataset"));
    Response csv =
        given()
            .get(
                "/api/runs/{id}/datasets/{dataset}/download?format=csv",
                runId,
                read.get("dataset"));

    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.header("Content-Disposition")).contains("attachment").contains(".jsonl");
    assertThat(jsonl.asString().lines()).hasSize((int) records);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.asString().lines().findFirst().orElseThrow()).contains("id");
  }

  @Test
  void aDownloadLinkLetsTheBrowserDownloadTheDatasetOnceWithoutTheTokenAndLogsNoTicket()
      throws Exception {
    long records = ((Number) read.get("records")).longValue();
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            logged.add(
                record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger.getLogger("").addHandler(capture);
    try {
      JsonPath link =
          given()
              .post(
                  "/api/runs/{id}/datasets/{dataset}/download-link?format=csv",
                  runId,
                  read.get("dataset"))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String url = link.getString("url");
      String ticket = url.substring(url.indexOf("ticket=") + "ticket=".length());
      assertThat(java.util.Base64.getUrlDecoder().decode(ticket)).hasSize(32);
      assertThat(java.time.Instant.parse(link.getString("expiresAt")))
          .isBetween(
              java.time.Instant.now().plusSeconds(30), java.time.Instant.now().plusSeconds(90));

      java.net.http.HttpResponse<String> first = withoutToken(url);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("attachment")
          .contains(".csv");
      assertThat(first.body().lines().findFirst().orElseThrow()).contains("id");
      assertThat(first.body().lines().count()).isGreaterThanOrEqualTo(records + 1);

      java.net.http.HttpResponse<String> again = withoutToken(url);
      assertThat(again.statusCode()).isEqualTo(401);
      assertThat(again.body()).contains("used already");
      assertThat(logged).noneMatch(line -> line.contains(ticket));
      Integer stored =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from download_ticket"
                                  + " where position(convert_to(:t, 'UTF8') in ticket_hash) > 0")
                          .bind("t", ticket)
                          .mapTo(Integer.class)
                          .one());
      assertThat(stored).as("the ticket itself is not stored").isZero();
    } finally {
      java.util.logging.Logger.getLogger("").removeHandler(capture);
    }
  }

  @Test
  void aDownloadLinkOpensOnlyItsOwnDataset() throws Exception {
    String url =
        given()
            .post("/api/runs/{id}/datasets/{dataset}/download-link", runId, read.get("dataset"))
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    String otherRun = UUID.randomUUID().toString();

    java.net.http.HttpResponse<String> elsewhere = withoutToken(url.replace(runId, otherRun));
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.body()).contains("another dataset");
    assertThat(withoutToken(url.replaceAll("ticket=.*", "ticket=made-up")).statusCode())
        .isEqualTo(401);
    assertThat(withoutToken(url).statusCode()).isEqualTo(200);
  }

  /** A GET as the browser follows a link: no Authorization header. */
  private static java.net.http.HttpResponse<String> withoutToken(String path) throws Exception {
    try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
      return client.send(
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void aSecretsOrACredentialsValueInARecordIsSentAsItsReference() {
    List<String> samples =
        given()
            .get("/api/runs/{id}/datasets/{dataset}?limit=2", runId, read.get("dataset"))
            .then()
            .extract()
            .jsonPath()
            .getList("items.poNumber");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", samples.get(0)))
        .put("/api/secrets/{name}", "dataset-mask-test")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201, 204));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type",
                "plex",
                "settings",
                Map.of("baseUrl", "https://mask-test.invalid"),
                "credentials",
                Map.of("apiKey", samples.get(1))))
        .put("/api/connections/{name}", "dataset-mask-test")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201, 204));
    try {
      String preview =
          given()
              .get("/api/runs/{id}/datasets/{dataset}?limit=2", runId, read.get("dataset"))
              .asString();
      String download =
          given()
              .get(
                  "/api/runs/{id}/datasets/{dataset}/download?format=csv",
                  runId,
                  read.get("dataset"))
              .asString();

      for (String answer : List.of(preview, download)) {
        assertThat(answer)
            .doesNotContain(samples.get(0))
            .doesNotContain(samples.get(1))
            .contains("{{secrets.dataset-mask-test}}")
            .contains("{{connection dataset-mask-test credential apiKey}}");
      }
    } finally {
      given().delete("/api/secrets/{name}", "dataset-mask-test");
      given().delete("/api/connections/{name}", "dataset-mask-test");
    }
  }

  @Test
  void aDatasetRetentionDeletedAnswers410AndAnotherIdAnswers404() {
    store
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "delete from dataset where id = ?",
                    UUID.fromString((String) read.get("dataset"))));

    given()
        .get("/api/runs/{id}/datasets/{dataset}", runId, read.get("dataset"))
        .then()
        .statusCode(410)
        .contentType(ContentType.JSON)
        .body("error", org.hamcrest.Matchers.equalTo("gone"))
        .body("message", org.hamcrest.Matchers.containsString("millflow.datasets.retention"));
    given()
        .get("/api/runs/{id}/datasets/{dataset}/download", runId, UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", org.hamcrest.Matchers.equalTo("not_found"));
    given().get("/api/runs/{id}/datasets", UUID.randomUUID()).then().statusCode(404);
  }
}
