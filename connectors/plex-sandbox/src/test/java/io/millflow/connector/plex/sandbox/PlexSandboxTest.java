package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox speaks Plex Connect's shapes: what a client against the real Plex relies on. */
class PlexSandboxTest {

  private static final String ORDERS = "/purchasing/v1/purchase-orders";

  private static PlexSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(60).withoutRateLimit())
            .start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void rejectsAWrongKeyWithPlexsExact401Body() {
    HttpResponse<String> response = http.get(ORDERS, "not-the-key");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "{\"code\":\"REQUEST_NOT_AUTHENTICATED\",\"message\":\"The request could not be authenticated.\"}");
  }

  @Test
  void rejectsAMissingKeyWith401() {
    assertThat(http.get(ORDERS, null).statusCode()).isEqualTo(401);
  }

  @Test
  void listsPurchaseOrdersAsABareArrayWithPlexsFields() {
    JsonNode orders = SandboxHttp.json(http.get(ORDERS));

    assertThat(orders.isArray()).isTrue();
    assertThat(orders).hasSize(60);
    assertThat(fieldNames(orders.get(0)))
        .containsExactlyInAnyOrder(
            "id",
            "poNumber",
            "currencyCode",
            "status",
            "active",
            "type",
            "supplierId",
            "poDate",
            "terms",
            "lineItemCount",
            "lineItemTotal",
            "shipTo",
            "orderedDate",
            "dueDate",
            "approvedDate",
            "note",
            "building",
            "incoTerms",
            "blanketOrder",
            "createdDate",
            "modifiedDate");
    assertThat(orders.get(0).get("modifiedDate").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
  }

  @Test
  void ignoresUnknownParametersSuchAsLimit() {
    assertThat(SandboxHttp.json(http.get(ORDERS + "?limit=5&offset=10"))).hasSize(60);
  }

  @Test
  void filtersByModifiedWindowWithInclusiveBeginAndExclusiveEnd() {
    List<Instant> modified = modifiedDates(SandboxHttp.json(http.get(ORDERS)));
    Instant begin = modified.get(10);
    Instant end = modified.get(20);

    JsonNode window =
        SandboxHttp.json(
            http.get(
                ORDERS
                    + "?modifiedDateBegin="
                    + PlexTimestamps.format(begin)
                    + "&modifiedDateEnd="
                    + PlexTimestamps.format(end)));

    assertThat(modifiedDates(window)).hasSize(10).first().isEqualTo(begin);
    assertThat(modifiedDates(window))
        .doesNotContain(end)
        .allMatch(m -> !m.isBefore(begin) && m.isBefore(end));
  }

  @Test
  void filtersByRepeatedIdAndByPoNumber() {
    JsonNode all = SandboxHttp.json(http.get(ORDERS));
    String first = all.get(3).get("id").asText();
    String second = all.get(7).get("id").asText();

    JsonNode byId = SandboxHttp.json(http.get(ORDERS + "?id=" + first + "&id=" + second));
    JsonNode byNumber =
        SandboxHttp.json(http.get(ORDERS + "?poNumber=" + all.get(5).get("poNumber").asText()));

    assertThat(byId)
        .extracting(order -> order.get("id").asText())
        .containsExactlyInAnyOrder(first, second);
    assertThat(byNumber).singleElement().isEqualTo(all.get(5));
  }

  @Test
  void rejectsADateOnlyFilterWithAValidationError() {
    HttpResponse<String> response = http.get(ORDERS + "?modifiedDateBegin=2024-05-01");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = SandboxHttp.json(response);
    assertThat(body.get("code").asText()).isEqualTo("REQUEST_VALIDATION_FAILED");
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("errors"))
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.get("message").asText())
                    .contains("modifiedDateBegin", "2024-05-01"));
  }

  @Test
  void rejectsAnUnparsableTimestamp() {
    assertThat(http.get(ORDERS + "?modifiedDateEnd=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void servesFiveLineItemsPerOrderWithAQuantity() {
    String id = SandboxHttp.json(http.get(ORDERS)).get(0).get("id").asText();

    JsonNode lines = SandboxHttp.json(http.get(ORDERS + "/" + id + "/line-items"));

    assertThat(lines).hasSize(5);
    assertThat(PlexPublishedFields.PURCHASE_ORDER_LINE_ITEM).containsAll(fieldNames(lines.get(0)));
    assertThat(fieldNames(lines.get(0))).contains("blanketQuantity").doesNotContain("quantity");
    assertThat(lines)
        .extracting(line -> line.get("lineItemNumber").asInt())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void answersAnUnknownPurchaseOrderWith404InPlexsErrorShape() {
    HttpResponse<String> response =
        http.get(ORDERS + "/00000000-0000-4000-8000-000000000000/line-items");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(SandboxHttp.json(response).get("code").asText()).isNotBlank();
    assertThat(SandboxHttp.json(response).get("message").asText())
        .contains("00000000-0000-4000-8000-000000000000");
  }

  @Test
  void answersTheTenantsCallForACredentialCheck() {
    JsonNode tenants = SandboxHttp.json(http.get("/mdm/v1/tenants"));

    assertThat(tenants.isArray()).isTrue();
    assertThat(tenants.get(0).get("id").asText()).isNotBlank();
  }

  @Test
  void answersAWrongUrlWith404() {
    assertThat(http.get("/purchasing/v1/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void answersAWrittenItemItDoesNotHoldWithPlexsNotFoundNamingIt() {
    assertThat(message(call("GET", "/mdm/v1/suppliers/no-such-supplier")))
        .isEqualTo("No supplier with id 'no-such-supplier' was found.");
    assertThat(message(call("PUT", "/purchasing/v2-beta1/releases/no-such-release")))
        .isEqualTo("No release with id 'no-such-release' was found.");
    assertThat(message(call("POST", "/purchasing/v1/releases/no-such-release/cancel")))
        .isEqualTo("No release with id 'no-such-release' was found.");
    assertThat(
            message(
                call("POST", "/production/v1/control/workcenters/wc-x/record-batch-production")))
        .isEqualTo("No workcenter with id 'wc-x' was found.");
    assertThat(message(call("GET", "/production/v1/production-definitions/workcenters/wc-x")))
        .isEqualTo("No workcenter with id 'wc-x' was found.");
  }

  /** The gate answers a method no Plex resource there takes with 405 before any route. */
  @Test
  void answersAMethodOrPathOffTheWriteRoutesWithPlexsNotFound() {
    String workcenter = sandbox.workcenterId(0);
    for (String[] request :
        new String[][] {
          {"PUT", "/mdm/v1/suppliers"},
          {"POST", "/mdm/v1/suppliers/s-1"},
          {"GET", "/mdm/v1/suppliers/s-1/contacts"},
          {"PUT", "/purchasing/v2-beta1/releases"},
          {"GET", "/purchasing/v2-beta1/releases/r-1/"},
          {"POST", "/purchasing/v1/releases"},
          {"GET", "/purchasing/v1/releases/r-1/cancel"},
          {"POST", "/purchasing/v1/releases/r-1/close"},
          {"GET", "/inventory/v1/inventory-receiving/receipts/g-1"},
          {"PUT", "/inventory/v1/inventory-receiving/receipts"},
          {"GET", "/production/v1/control/workcenters/" + workcenter + "/record-batch-production"},
          {"POST", "/production/v1/control/workcenters/" + workcenter},
          {"GET", "/production/v1/production-definitions/workcenters"},
          {"GET", "/production/v1/production-definitions/workcenters/" + workcenter + "/parts"}
        }) {
      HttpResponse<String> response = call(request[0], request[1]);
      assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
      assertThat(SandboxHttp.json(response).get("code").asText())
          .as(request[0] + " " + request[1])
          .isEqualTo(PlexGuesses.NOT_FOUND_CODE);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Instant> modifiedDates(JsonNode orders) {
    return StreamSupport.stream(orders.spliterator(), false)
        .map(order -> Instant.parse(order.get("modifiedDate").asText()))
        .sorted()
        .toList();
  }

  private static String message(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = SandboxHttp.json(response);
    assertThat(body.get("code").asText()).isEqualTo(PlexGuesses.NOT_FOUND_CODE);
    return body.get("message").asText();
  }

  private static HttpResponse<String> call(String method, String path) {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("X-Plex-Connect-Api-Key", sandbox.config().apiKey())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .build());
  }
}
