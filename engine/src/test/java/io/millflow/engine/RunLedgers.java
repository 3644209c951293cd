package io.millflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Reads of a run's ledger in the API's answer ({@code GET /api/runs/{id}}), for the tests. */
final class RunLedgers {

  private RunLedgers() {}

  /** The run's one source → sink path; fails, showing the run, when it has none or several. */
  static Map<String, Object> onlyPath(JsonPath run) {
    List<Map<String, Object>> ledger = run.getList("ledger");
    assertThat(ledger).as(run.prettify()).hasSize(1);
    return ledger.getFirst();
  }
}
