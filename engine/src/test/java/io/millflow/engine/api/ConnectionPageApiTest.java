package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.FlowTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the connection page shows: its check history and the flows that use it. */
@QuarkusTest
class ConnectionPageApiTest {

  @Test
  void eachCheckIsKeptInTheConnectionsHistoryNewestFirst() {
    given().post("/api/connections/plex-sandbox/test").then().statusCode(200);
    given().post("/api/connections/plex-sandbox/test").then().statusCode(200);

    JsonPath checks =
        given()
            .get("/api/connections/plex-sandbox/checks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> at = checks.getList("checkedAt");
    assertThat(at).hasSizeGreaterThanOrEqualTo(2);
    assertThat(at.get(0)).isGreaterThanOrEqualTo(at.get(1));
    assertThat(checks.getString("[0].status")).isEqualTo("online");
  }

  @Test
  void theFlowsUsingAConnectionAreListedAndAFeelChosenConnectionIsUnknown() {
    FlowTestSupport.deploy(
        FlowTestSupport.variant(
            "uses-feel-warehouse",
            "<zeebe:input source=\"warehouse\" target=\"connection\" />",
            "<zeebe:input source=\"=if true then &quot;warehouse&quot; else &quot;other&quot;\""
                + " target=\"connection\" />"));

    List<Map<String, Object>> uses =
        given()
            .get("/api/connections/warehouse/flows")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");

    assertThat(uses)
        .anySatisfy(
            use -> {
              assertThat(use).containsEntry("flowId", "plex-po-to-postgres");
              assertThat(use).containsEntry("elementId", "WriteOrders");
              assertThat(use).containsEntry("known", true);
            });
    assertThat(uses)
        .anySatisfy(
            use -> {
              assertThat(use).containsEntry("flowId", "uses-feel-warehouse");
              assertThat(use).containsEntry("known", false);
              assertThat((String) use.get("expression")).startsWith("=if true");
            });
    assertThat(uses).noneMatch(use -> "ReadOrders".equals(use.get("elementId")));
  }

  @Test
  void anUnknownConnectionHasNoPage() {
    given().get("/api/connections/no-such-connection/checks").then().statusCode(404);
    given().get("/api/connections/no-such-connection/flows").then().statusCode(404);
  }
}
