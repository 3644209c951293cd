package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dataset given as the body is sent as JSON lines, one record a line in the dataset's order, with
 * its content type; a retried request, or one redirected by a 307, sends it whole again; a body and
 * body records together are refused.
 */
class HttpRequestBodyRecordsTest {

  private final TestApi api = new TestApi();
  private final TestStepContext context =
      new TestStepContext().withConnection(api.connection("api", Map.of(), Map.of()));
  private final HttpRequestStep step =
      new HttpRequestStep(
          HttpRequestAuthTest.ANYWHERE, HttpRequestAuthTest.FAST, Clock.systemUTC());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void sendsTheDatasetAsJsonLines() {
    api.route("/api/import", (request, exchange) -> TestApi.json(exchange, 202, "{}"));

    HttpRequestStep.Output out =
        step.run(
            Inputs.of(
                "connection", "api", "method", "post", "url", "import", "bodyRecords", parts(3)),
            context);

    assertThat(out.status()).isEqualTo(202);
    assertThat(api.last().body())
        .isEqualTo(
            "{\"part\":\"P0\",\"qty\":0}\n{\"part\":\"P1\",\"qty\":1}\n{\"part\":\"P2\",\"qty\":2}\n");
    assertThat(api.last().header("Content-Type")).isEqualTo("application/x-ndjson");
  }

  @Test
  void sendsTheDatasetAsCsvRowsUnderAHeader() {
    api.route("/api/import", (request, exchange) -> TestApi.json(exchange, 202, "{}"));

    postAsCsv(parts(3));

    assertThat(api.last().body()).isEqualTo("part,qty\nP0,0\nP1,1\nP2,2\n");
    assertThat(api.last().header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
  }

  @Test
  void failsWithoutRetryingARecordThatCannotBeACsvRow() {
    DatasetRef notObjects =
        withRecords(
            context.datasets().create("part"),
            Json.mapper().createObjectNode().put("part", "P0"),
            Json.mapper().getNodeFactory().textNode("P1"));
    api.route("/api/import", (request, exchange) -> TestApi.json(exchange, 202, "{}"));

    assertThatThrownBy(() -> postAsCsv(notObjects))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_RECORD");
              assertThat(e.getMessage()).contains("Record 2", "the body of POST /api/import");
            });
    assertThat(api.requests()).hasSizeLessThanOrEqualTo(1); // not retried
  }

  @Test
  void sendsTheWholeDatasetAgainWhenTheRequestIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    api.route(
        "/api/import",
        (request, exchange) ->
            TestApi.json(exchange, calls.incrementAndGet() == 1 ? 503 : 200, "{}"));

    step.run(
        Inputs.of("connection", "api", "method", "post", "url", "import", "bodyRecords", parts(2)),
        context);

    assertThat(api.requests()).hasSize(2);
    assertThat(api.requests().get(0).body()).isEqualTo(api.requests().get(1).body());
    assertThat(api.last().body().lines()).hasSize(2);
  }

  @Test
  void sendsTheWholeDatasetAgainWhereA307Redirects() {
    api.route(
        "/api/import",
        (request, exchange) -> {
          exchange.getResponseHeaders().set("Location", "/api/landing");
          TestApi.send(exchange, 307, "");
        });
    api.route("/api/landing", (request, exchange) -> TestApi.json(exchange, 202, "{}"));

    HttpRequestStep.Output out =
        step.run(
            Inputs.of(
                "connection", "api", "method", "post", "url", "import", "bodyRecords", parts(3)),
            context);

    assertThat(out.status()).isEqualTo(202);
    assertThat(api.requests()).extracting(TestApi.Seen::method).containsExactly("POST", "POST");
    assertThat(api.last().uri().getPath()).isEqualTo("/api/landing");
    assertThat(api.last().body()).isEqualTo(api.requests().get(0).body());
    assertThat(api.last().body().lines()).hasSize(3);
  }

  @Test
  void refusesABodyAndBodyRecordsTogether() {
    assertThatThrownBy(
            () ->
                step.run(
                    Inputs.of(
                        "connection",
                        "api",
                        "method",
                        "post",
                        "url",
                        "import",
                        "body",
                        Map.of("a", 1),
                        "bodyRecords",
                        parts(1)),
                    context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
    assertThat(api.requests()).isEmpty();
  }

  private HttpRequestStep.Output postAsCsv(DatasetRef records) {
    return step.run(
        Inputs.of(
            "connection",
            "api",
            "method",
            "post",
            "url",
            "import",
            "bodyRecords",
            records,
            "bodyFormat",
            "csv"),
        context);
  }

  private static DatasetRef withRecords(DatasetWriter writer, Object... records) {
    try (writer) {
      for (Object record : records) {
        writer.add(record);
      }
      return writer.finish();
    }
  }

  private DatasetRef parts(int count) {
    try (DatasetWriter writer = context.datasets().create("part")) {
      for (int i = 0; i < count; i++) {
        writer.add(Json.mapper().createObjectNode().put("part", "P" + i).put("qty", i));
      }
      return writer.finish();
    }
  }
}
