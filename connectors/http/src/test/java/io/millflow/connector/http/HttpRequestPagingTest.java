package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Batches;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each paging style reads a 23-record list (pages of 10) into a dataset, in order, and stops where
 * the API says the list ends; a page limit stops early and says so. Records are found with a JSON
 * pointer or picked with FEEL.
 */
class HttpRequestPagingTest {

  private static final int TOTAL = 23;

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

  /** Records {@code from} (inclusive) to {@code to} (exclusive) as a JSON array. */
  private static String records(int from, int to) {
    return IntStream.range(from, Math.min(to, TOTAL))
        .mapToObj(i -> "{\"id\":" + i + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static int intQuery(TestApi.Seen request, String name, int fallback) {
    String value = request.query(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private List<Integer> ids(HttpRequestStep.Output out) {
    return context.datasets().readAll(out.records(), JsonNode.class).stream()
        .map(record -> record.path("id").asInt())
        .toList();
  }

  private static List<Integer> allIds() {
    return IntStream.range(0, TOTAL).boxed().toList();
  }

  /** The test API's {@code /api/parts} answers with {@code route}. */
  private void serveParts(TestApi.Route route) {
    api.route("/api/parts", route);
  }

  /**
   * Reads {@code parts} of the test API with the {@code paging} style (null: none) and its {@code
   * settings}, names and values in turn.
   */
  private HttpRequestStep.Output readParts(String paging, Object... settings) {
    return step.run(partsInput(paging, settings), context);
  }

  private static HttpRequestStep.Input partsInput(String paging, Object... settings) {
    List<Object> inputs = new ArrayList<>(List.of("connection", "api", "url", "parts"));
    if (paging != null) {
      inputs.addAll(List.of("paging", paging));
    }
    inputs.addAll(List.of(settings));
    return Inputs.of(inputs.toArray());
  }

  @Test
  void followsTheNextLinkHeader() {
    serveParts(
        (r, x) -> {
          int page = intQuery(r, "page", 0);
          if ((page + 1) * 10 < TOTAL) {
            x.getResponseHeaders()
                .add(
                    "Link",
                    "</api/parts?page="
                        + (page + 1)
                        + ">; rel=\"next\", </api/parts?page=2>; rel=\"last\"");
          }
          TestApi.json(x, 200, records(page * 10, page * 10 + 10));
        });

    HttpRequestStep.Output out = readParts("linkHeader");

    assertThat(ids(out)).isEqualTo(allIds());
    assertThat(out.pages()).isEqualTo(3);
    assertThat(out.records().count()).isEqualTo(TOTAL);
    assertThat(context.batchReports())
        .containsExactly(Batches.pages(1), Batches.pages(2), Batches.pages(3));
    assertThat(out.morePages()).isFalse();
  }

  @Test
  void followsTheNextUrlInTheBody() {
    serveParts(
        (r, x) -> {
          int from = intQuery(r, "from", 0);
          String next =
              from + 10 < TOTAL
                  ? "\"" + api.url() + "/api/parts?from=" + (from + 10) + "\""
                  : "null";
          TestApi.json(
              x,
              200,
              "{\"data\":" + records(from, from + 10) + ",\"links\":{\"next\":" + next + "}}");
        });

    HttpRequestStep.Output out =
        readParts("nextInBody", "recordsPointer", "/data", "nextPointer", "/links/next");

    assertThat(ids(out)).isEqualTo(allIds());
    assertThat(out.pages()).isEqualTo(3);
  }

  @Test
  void sendsTheCursorFromTheBodyAsAQueryParameter() {
    serveParts(
        (r, x) -> {
          String cursor = r.query("cursor");
          int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
          String next = from + 10 < TOTAL ? "\"c" + (from + 10) + "\"" : "\"\"";
          TestApi.json(
              x, 200, "{\"items\":" + records(from, from + 10) + ",\"nextCursor\":" + next + "}");
        });

    HttpRequestStep.Output out =
        readParts(
            "nextInBody",
            "query",
            Map.of("status", "open"),
            "recordsPointer",
            "/items",
            "nextPointer",
            "/nextCursor",
            "cursorParameter",
            "cursor");

    assertThat(ids(out)).isEqualTo(allIds());
    assertThat(api.requests()).allSatisfy(r -> assertThat(r.query("status")).isEqualTo("open"));
  }

  @Test
  void pagesByOffsetAndLimitUntilAShortPage() {
    serveParts(
        (r, x) -> {
          int offset = intQuery(r, "skip", -1);
          int limit = intQuery(r, "take", -1);
          TestApi.json(x, 200, "{\"rows\":" + records(offset, offset + limit) + "}");
        });

    HttpRequestStep.Output out =
        readParts(
            "offset",
            "recordsPointer",
            "/rows",
            "pageSize",
            10,
            "offsetParameter",
            "skip",
            "sizeParameter",
            "take");

    assertThat(ids(out)).isEqualTo(allIds());
    assertThat(api.requests()).extracting(r -> r.query("skip")).containsExactly("0", "10", "20");
  }

  @Test
  void pagesByPageNumberUntilAnEmptyPage() {
    serveParts(
        (r, x) -> {
          int page = intQuery(r, "p", -1);
          TestApi.json(x, 200, records((page - 1) * 10, page * 10));
        });

    HttpRequestStep.Output out =
        readParts("pageNumber", "recordsPointer", "/", "pageParameter", "p");

    assertThat(ids(out)).isEqualTo(allIds());
    assertThat(api.requests()).extracting(r -> r.query("p")).containsExactly("1", "2", "3", "4");
  }

  @Test
  void stopsAtThePageLimitAndSaysMorePagesWereLeft() {
    serveParts(
        (r, x) -> {
          int page = intQuery(r, "page", 1);
          TestApi.json(x, 200, records((page - 1) * 10, page * 10));
        });

    HttpRequestStep.Output out = readParts("pageNumber", "pageSize", 10, "maxPages", 2);

    assertThat(out.records().count()).isEqualTo(20);
    assertThat(out.pages()).isEqualTo(2);
    assertThat(out.morePages()).isTrue();
  }

  @Test
  void picksEachPagesRecordsWithFeel() {
    serveParts(
        (r, x) -> {
          int offset = intQuery(r, "offset", 0);
          TestApi.json(x, 200, "{\"result\":{\"items\":" + records(offset, offset + 10) + "}}");
        });

    HttpRequestStep.Output out =
        readParts(
            "offset",
            "pageSize",
            10,
            "recordsExpression",
            "for item in body.result.items return {id: item.id * 2}");

    assertThat(ids(out)).isEqualTo(allIds().stream().map(id -> id * 2).toList());
    assertThat(out.pages()).isEqualTo(3);
  }

  @Test
  void refusesARecordsExpressionThatGivesNoList() {
    serveParts((r, x) -> TestApi.json(x, 200, "{\"count\":3}"));

    assertThatThrownBy(() -> readParts(null, "recordsExpression", "body.count"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("HTTP_UNEXPECTED_RESPONSE");
              assertThat(e.getMessage()).contains("recordsExpression gives a number");
            });
  }

  @Test
  void refusesARecordsPointerAndExpressionTogether() {
    assertThatThrownBy(
            () -> readParts(null, "recordsPointer", "/data", "recordsExpression", "body.data"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void refusesAListWhoseNextPageIsItself() {
    serveParts((r, x) -> TestApi.json(x, 200, "{\"data\":[{\"id\":1}],\"next\":\"/api/parts\"}"));

    assertThatThrownBy(
            () -> readParts("nextInBody", "recordsPointer", "/data", "nextPointer", "/next"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("HTTP_PAGING_LOOP"));
  }
}
