package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The release and receipt endpoints in the published shapes, with Plex's refusals. */
class ReleasesSandboxTest {

  private static final String RELEASES = "/purchasing/v2-beta1/releases";
  private static final String RECEIPTS = "/inventory/v1/inventory-receiving/receipts";

  private static PlexSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(40).withoutRateLimit())
            .start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void listsAnOrdersReleasesInThePublishedShape() {
    String orderId = firstStandardOrder().get("id").asText();

    JsonNode releases = SandboxHttp.json(http.get(RELEASES + "?pOId=" + orderId));

    assertThat(releases).isNotEmpty();
    for (JsonNode release : releases) {
      assertThat(release.get("poId").asText()).isEqualTo(orderId);
      assertThat(PlexPublishedFields.RELEASE).containsAll(fieldNames(release));
    }
  }

  @Test
  void createsUpdatesAndCancelsARelease() {
    String lineId = firstLineOf(firstStandardOrder()).get("id").asText();
    String id = UUID.randomUUID().toString();

    HttpResponse<String> created =
        send(
            "POST",
            RELEASES,
            "{\"id\":\"%s\",\"poLineItemId\":\"%s\",\"quantity\":12.5,\"dueDate\":\"2026-12-01T00:00:00Z\"}"
                .formatted(id, lineId));
    HttpResponse<String> updated = send("PUT", RELEASES + "/" + id, "{\"quantity\":20}");
    HttpResponse<String> canceled =
        send("POST", "/purchasing/v1/releases/" + id + "/cancel", "{\"status\":\"Canceled\"}");
    JsonNode read = SandboxHttp.json(http.get(RELEASES + "/" + id));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(SandboxHttp.json(created).get("poLineItemId").asText()).isEqualTo(lineId);
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(updated).get("quantity").decimalValue()).isEqualByComparingTo("20");
    assertThat(canceled.statusCode()).isEqualTo(200);
    assertThat(read.get("status").asText()).isEqualTo("Canceled");
    assertThat(SandboxHttp.json(http.get(RELEASES + "?pOLineItemId=" + lineId)))
        .extracting(release -> release.get("id").asText())
        .contains(id);
  }

  @Test
  void refusesAReleaseWithoutRequiredFieldsOrWithAnUnknownLine() {
    HttpResponse<String> missing = send("POST", RELEASES, "{\"note\":\"no line\"}");
    HttpResponse<String> unknown =
        send(
            "POST",
            RELEASES,
            "{\"poLineItemId\":\"%s\",\"quantity\":1,\"dueDate\":\"2026-12-01T00:00:00Z\"}"
                .formatted(UUID.randomUUID()));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(missing).get("code").asText())
        .isEqualTo("REQUEST_VALIDATION_FAILED");
    assertThat(SandboxHttp.json(missing).get("errors"))
        .extracting(error -> error.get("code").asText())
        .containsExactly(
            PlexGuesses.FIELD_REQUIRED_CODE,
            PlexGuesses.FIELD_REQUIRED_CODE,
            PlexGuesses.FIELD_REQUIRED_CODE);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(unknown).get("errors").get(0).get("code").asText())
        .isEqualTo(PlexGuesses.INVALID_REFERENCE_CODE);
    assertThat(send("PUT", RELEASES + "/" + UUID.randomUUID(), "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void createsAReceiptForAKnownSupplierOnly() {
    String supplierId = firstStandardOrder().get("supplierId").asText();

    HttpResponse<String> created =
        send(
            "POST",
            RECEIPTS,
            "{\"externalReceiptCode\":\"GR-1001\",\"supplierId\":\"%s\"}".formatted(supplierId));
    HttpResponse<String> unknown =
        send(
            "POST",
            RECEIPTS,
            "{\"externalReceiptCode\":\"GR-1002\",\"supplierId\":\"%s\"}"
                .formatted(UUID.randomUUID()));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(SandboxHttp.json(created).get("supplierCode").asText()).isNotBlank();
    assertThat(SandboxHttp.json(http.get(RECEIPTS + "?externalReceiptCode=GR-1001"))).hasSize(1);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(unknown).get("errors").get(0).get("code").asText())
        .isEqualTo(PlexGuesses.INVALID_REFERENCE_CODE);
  }

  private static JsonNode firstStandardOrder() {
    for (JsonNode order : SandboxHttp.json(http.get("/purchasing/v1/purchase-orders"))) {
      if (!order.get("blanketOrder").asBoolean()) {
        return order;
      }
    }
    throw new AssertionError("no standard order");
  }

  private static JsonNode firstLineOf(JsonNode order) {
    return SandboxHttp.json(
            http.get("/purchasing/v1/purchase-orders/" + order.get("id").asText() + "/line-items"))
        .get(0);
  }

  private static HttpResponse<String> send(String method, String path, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("X-Plex-Connect-Api-Key", sandbox.config().apiKey())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
