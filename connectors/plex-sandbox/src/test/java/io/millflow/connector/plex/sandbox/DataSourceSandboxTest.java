package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Data Source API in Plex's shapes: row arrays by default, row objects with {@code
 * format=2}.
 */
class DataSourceSandboxTest {

  private static PlexSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(0)).start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void answersRowsAsArraysWithTheirColumns() {
    JsonNode answer =
        SandboxHttp.json(
            execute(
                "22907",
                "{\"inputs\":{\"Part_No\":\"1000-0000\",\"Max_Checks\":3}}",
                "",
                "millflow-ws:sandbox-password"));

    assertThat(answer.at("/tables/0/columns/0").asText()).isEqualTo("Check_Key");
    assertThat(answer.at("/tables/0/rows"))
        .hasSize(3)
        .allSatisfy(row -> assertThat(row.isArray()).isTrue());
    assertThat(answer.get("rowLimitedExceeded").asBoolean()).isFalse();
    assertThat(answer.get("outputs").isObject()).isTrue();
    assertThat(answer.get("transactionNo").asText()).isNotBlank();
  }

  @Test
  void answersRowsAsObjectsWithFormat2() {
    JsonNode answer =
        SandboxHttp.json(
            execute(
                "22907",
                "{\"inputs\":{\"Part_No\":\"1000-0000\",\"Max_Checks\":2}}",
                "?format=2",
                "millflow-ws:sandbox-password"));

    assertThat(answer.at("/tables/0/rows/0/Part_No").asText()).isEqualTo("1000-0000");
  }

  @Test
  void describesADataSourcesInputsAndColumns() {
    JsonNode description =
        SandboxHttp.json(
            http.send(
                authorized("/api/datasources/22907", "millflow-ws:sandbox-password")
                    .GET()
                    .build()));

    assertThat(description.at("/inputs/0/name").asText()).isEqualTo("Part_No");
    assertThat(description.at("/inputs/0/required").asBoolean()).isTrue();
    assertThat(description.get("columns")).hasSize(7);
  }

  @Test
  void answersPlexsDataSourceErrorCodes() {
    assertThat(
            errorCode(
                execute(
                    "22907",
                    "{\"inputs\":{\"part_no\":\"x\"}}",
                    "",
                    "millflow-ws:sandbox-password")))
        .isEqualTo("DATA_SOURCE_INPUT_REQUIRED");
    assertThat(
            errorCode(
                execute(
                    "30115",
                    "{\"inputs\":{\"Days\":\"many\"}}",
                    "",
                    "millflow-ws:sandbox-password")))
        .isEqualTo("DATA_SOURCE_INPUT_TYPE_MISMATCH");
    assertThat(errorCode(execute("1", "{}", "", "millflow-ws:sandbox-password")))
        .isEqualTo("DATA_SOURCE_NOT_FOUND");
    assertThat(errorCode(execute("40001", "{}", "", "millflow-ws:sandbox-password")))
        .isEqualTo("DATA_SOURCE_ACCESS_DENIED");
    assertThat(execute("18431", "{}", "", "millflow-ws:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void setsRowLimitedExceededPastTheRowLimit() {
    JsonNode answer =
        SandboxHttp.json(
            execute("30115", "{\"inputs\":{\"Days\":10}}", "", "millflow-ws:sandbox-password"));

    assertThat(answer.get("rowLimitedExceeded").asBoolean()).isTrue();
    assertThat(answer.at("/tables/0/rows")).hasSize(DataSourceCatalog.ROW_LIMIT);
  }

  @Test
  void answersInjectedFaultsInTheDataSourceErrorShape() {
    sandbox.faults().failNext(1, 503);

    HttpResponse<String> failed = execute("18431", "{}", "", "millflow-ws:sandbox-password");

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(errorCode(failed)).isEqualTo("SERVICE_UNAVAILABLE");
  }

  private static HttpResponse<String> execute(
      String id, String body, String query, String userAndPassword) {
    return http.send(
        authorized("/api/datasources/" + id + "/execute" + query, userAndPassword)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpRequest.Builder authorized(String path, String userAndPassword) {
    return HttpRequest.newBuilder(URI.create(sandbox.dataSourceBaseUrl() + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
  }

  private static String errorCode(HttpResponse<String> response) {
    return SandboxHttp.json(response).at("/errors/0/code").asText();
  }
}
