package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.InMemoryDatasetStore;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page's records reach the dataset as the API wrote them, one line each: found at any pointer,
 * past values before them, pretty-printed records still one line, scalars too; a pointer at no
 * array, or a page that is not JSON, is refused.
 */
class PageRecordsTest {

  private final InMemoryDatasetStore store = new InMemoryDatasetStore();
  private final List<String> copied = new ArrayList<>();
  private final Exchange request =
      new Exchange("GET", URI.create("http://mes.local/api/parts"), Map.of(), null);
  private final Call call = new Call("mes", URI.create("http://mes.local"), null, null, List.of());

  @Test
  void copiesEachRecordsTextAsTheApiWroteIt() {
    int count =
        copy("{\"meta\":{\"data\":[9]},\"data\":[{\"id\":1, \"qty\":12.50},{\"id\":2}]}", "/data");

    assertThat(count).isEqualTo(2);
    assertThat(copied).containsExactly("{\"id\":1, \"qty\":12.50}", "{\"id\":2}");
  }

  @Test
  void findsTheRecordsAtANestedPointerAndAnIndex() {
    assertThat(copy("{\"result\":{\"pages\":[[{\"a\":1}],[{\"b\":[2,3]}]]}}", "/result/pages/1"))
        .isEqualTo(1);
    assertThat(copied).containsExactly("{\"b\":[2,3]}");
  }

  @Test
  void keepsAPrettyPrintedRecordOnOneLine() {
    assertThat(copy("[\n  {\n    \"id\": 1\n  },\n  \"P-7\",\n  3\n]", "/")).isEqualTo(3);

    assertThat(read()).extracting(JsonNode::toString).containsExactly("{\"id\":1}", "\"P-7\"", "3");
  }

  @Test
  void findsNoRecordsWhereThePointerIsMissingOrNull() {
    assertThat(copy("{\"data\":null}", "/data")).isZero();
    assertThat(copy("{\"other\":[1]}", "/data")).isZero();
  }

  @Test
  void refusesAPointerAtSomethingOtherThanAnArray() {
    assertThatThrownBy(() -> copy("{\"data\":{\"id\":1}}", "/data"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("HTTP_UNEXPECTED_RESPONSE");
              assertThat(e.getMessage()).contains("JSON object", "GET /api/parts");
            });
  }

  @Test
  void refusesAPageThatIsNotJson() {
    assertThatThrownBy(() -> copy("<html>busy</html>", "/data"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.getMessage()).contains("is not JSON", "connection 'mes'"));
    assertThatThrownBy(() -> copy("{\"data\":[{\"id\":1},", "/data"))
        .isInstanceOf(StepFailure.class);
  }

  private int copy(String page, String pointer) {
    Answer answer =
        new Answer(
            request.uri(),
            "req-1",
            200,
            HttpHeaders.of(Map.of(), (name, value) -> true),
            page.getBytes(StandardCharsets.UTF_8));
    DatasetWriter out =
        new DatasetWriter() {
          private final DatasetWriter kept = store.create("part");

          @Override
          public void add(Object record) {
            kept.add(record);
          }

          @Override
          public void addJson(byte[] json, int offset, int length) {
            copied.add(new String(json, offset, length, StandardCharsets.UTF_8));
            kept.addJson(json, offset, length);
          }

          @Override
          public long count() {
            return kept.count();
          }

          @Override
          public DatasetRef finish() {
            last = kept.finish();
            return last;
          }

          @Override
          public void close() {}
        };
    int count = PageRecords.copy(answer, HttpRequestStep.pointer("p", pointer), out, request, call);
    out.finish();
    return count;
  }

  private DatasetRef last;

  private List<JsonNode> read() {
    return store.readAll(last, JsonNode.class);
  }
}
