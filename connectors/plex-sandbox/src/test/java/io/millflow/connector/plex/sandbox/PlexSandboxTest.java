package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexTimestamps;
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
}
