package io.millflow.engine.flowtest;

import static io.restassured.RestAssured.given;

import io.millflow.engine.FlowTestSupport;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * The records the step of one BPMN element wrote into its output dataset, read through the API as
 * the run page reads them ({@code GET /api/runs/{id}/datasets}, then the dataset's first 1,000
 * records): the last completed attempt's, or none when the element wrote nothing.
 *
 * @param count how many records the dataset holds (more than {@code rows} past 1,000)
 */
record WrittenRecords(long count, List<Map<String, Object>> rows) {

  private static final int MOST_SHOWN = 1000;

  static WrittenRecords of(String runId, String element) {
    List<Map<String, Object>> datasets =
        FlowTestSupport.datasetsOf(runId).stream()
            .filter(d -> element.equals(d.get("elementId")) && "written".equals(d.get("role")))
            .toList();
    if (datasets.isEmpty()) {
      return new WrittenRecords(0, List.of());
    }
    String dataset = String.valueOf(datasets.getLast().get("dataset"));
    JsonPath preview =
        given()
            .queryParam("limit", MOST_SHOWN)
            .get("/api/runs/{id}/datasets/{dataset}", runId, dataset)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return new WrittenRecords(preview.getLong("records"), preview.getList("items"));
  }
}
