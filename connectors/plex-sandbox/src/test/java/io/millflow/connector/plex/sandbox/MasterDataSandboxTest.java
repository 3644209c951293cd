package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suppliers, parts, containers, jobs and equipment in Plex's fields, consistent with each other and
 * the orders.
 */
class MasterDataSandboxTest {

  private static final PlexSandboxConfig CONFIG =
      PlexSandboxConfig.defaults()
          .withPurchaseOrders(80)
          .withVolumes(new PlexSandboxConfig.Volumes(12, 30, 90, 50, 10))
          .withoutRateLimit();
  private static PlexSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = new PlexSandbox(CONFIG).start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void servesEachResourceWithExactlyTheFieldsPlexLists() {
    assertThat(fieldsOf(PlexResource.SUPPLIERS))
        .containsExactly(
            "id",
            "code",
            "oldCode",
            "name",
            "language",
            "category",
            "status",
            "type",
            "parentSupplierId",
            "webAddress",
            "contactNote",
            "note",
            "createdDate",
            "modifiedDate");
    assertThat(fieldsOf(PlexResource.PARTS))
        .containsExactly(
            "id",
            "number",
            "name",
            "revision",
            "description",
            "type",
            "group",
            "source",
            "productType",
            "status",
            "note",
            "leadTimeDays",
            "buildingCode",
            "createdDate",
            "modifiedDate");
    assertThat(fieldsOf(PlexResource.CONTAINERS))
        .containsExactly(
            "serialNo",
            "partId",
            "partNo",
            "revision",
            "containerStatus",
            "locationId",
            "location",
            "quantity",
            "quantityInventoryUnit",
            "containerType",
            "lotNo",
            "addDateTime",
            "updateDateTime",
            "inventoryType");
    assertThat(fieldsOf(PlexResource.JOBS))
        .containsExactly(
            "id",
            "jobNumber",
            "partId",
            "partNumber",
            "quantity",
            "quantityCompleted",
            "jobStatus",
            "jobType",
            "dueDate",
            "completedDate",
            "priority",
            "buildingCode");
    assertThat(fieldsOf(PlexResource.EQUIPMENT))
        .containsExactly(
            "id",
            "equipmentId",
            "description",
            "brand",
            "modelNo",
            "equipmentType",
            "workcenterId",
            "status",
            "serialNo",
            "active");
  }

  @Test
  void servesTheConfiguredVolumes() {
    assertThat(list(PlexResource.SUPPLIERS)).hasSize(12);
    assertThat(list(PlexResource.PARTS)).hasSize(30);
    assertThat(list(PlexResource.CONTAINERS)).hasSize(90);
    assertThat(list(PlexResource.JOBS)).hasSize(50);
    assertThat(list(PlexResource.EQUIPMENT)).hasSize(10);
  }

  @Test
  void referencesOnlySuppliersAndPartsThatExist() {
    Set<String> suppliers = values(list(PlexResource.SUPPLIERS), "id");
    Set<String> parts = values(list(PlexResource.PARTS), "id");
    JsonNode orders = SandboxHttp.json(http.get("/purchasing/v1/purchase-orders"));
    Set<String> lineParts =
        StreamSupport.stream(orders.spliterator(), false)
            .limit(10)
            .flatMap(
                order ->
                    StreamSupport.stream(
                        SandboxHttp.json(
                                http.get(
                                    "/purchasing/v1/purchase-orders/"
                                        + order.get("id").asText()
                                        + "/line-items"))
                            .spliterator(),
                        false))
            .map(line -> line.get("partId").asText())
            .collect(Collectors.toSet());

    assertThat(suppliers).containsAll(values(orders, "supplierId"));
    assertThat(suppliers).containsAll(values(list(PlexResource.SUPPLIERS), "parentSupplierId"));
    assertThat(parts)
        .containsAll(lineParts)
        .containsAll(values(list(PlexResource.CONTAINERS), "partId"))
        .containsAll(values(list(PlexResource.JOBS), "partId"));
    assertThat(values(list(PlexResource.EQUIPMENT), "workcenterId")).hasSize(3);
  }

  @Test
  void generatesTheSameRecordsForTheSameSeed() {
    try (PlexSandbox again = new PlexSandbox(CONFIG).start(0)) {
      for (PlexResource resource : PlexResource.values()) {
        assertThat(SandboxHttp.json(new SandboxHttp(again).get(resource.path())))
            .isEqualTo(list(resource));
      }
    }
  }

  @Test
  void filtersByRepeatedValuesAndByDueDateRange() {
    JsonNode active =
        SandboxHttp.json(http.get("/mdm/v1/suppliers?status=Active&status=On%20Hold"));
    JsonNode jobs = list(PlexResource.JOBS);
    Instant due = Instant.parse(jobs.get(0).get("dueDate").asText());

    JsonNode dueFrom =
        SandboxHttp.json(
            http.get("/scheduling/v1/jobs?dueDateBegin=" + PlexTimestamps.format(due)));

    assertThat(values(active, "status")).isNotEmpty().isSubsetOf("Active", "On Hold");
    assertThat(dueFrom)
        .isNotEmpty()
        .allSatisfy(
            job -> assertThat(Instant.parse(job.get("dueDate").asText())).isAfterOrEqualTo(due));
  }

  @Test
  void rejectsADateOnlyDueDateFilter() {
    HttpResponse<String> response = http.get("/scheduling/v1/jobs?dueDateEnd=2024-12-01");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(response).at("/errors/0/message").asText()).contains("dueDateEnd");
  }

  @Test
  void movesATouchedRecordsModifiedDate() {
    try (PlexSandbox own = new PlexSandbox(CONFIG).start(0)) {
      String serialNo =
          SandboxHttp.json(new SandboxHttp(own).get(PlexResource.CONTAINERS.path()))
              .get(5)
              .get("serialNo")
              .asText();
      Instant later = Instant.parse("2025-02-01T00:00:00Z");

      own.touch(PlexResource.CONTAINERS, serialNo, later);

      JsonNode containers =
          SandboxHttp.json(new SandboxHttp(own).get(PlexResource.CONTAINERS.path()));
      assertThat(containers)
          .filteredOn(container -> container.get("serialNo").asText().equals(serialNo))
          .singleElement()
          .satisfies(
              container ->
                  assertThat(container.get("updateDateTime").asText())
                      .isEqualTo(PlexTimestamps.format(later)));
      assertThatThrownBy(
              () ->
                  own.touch(
                      PlexResource.JOBS, list(PlexResource.JOBS).get(0).get("id").asText(), later))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void editsARecordOverTheAdminEndpoint() {
    try (PlexSandbox own = new PlexSandbox(CONFIG).start(0)) {
      SandboxHttp ownHttp = new SandboxHttp(own);
      String id =
          SandboxHttp.json(ownHttp.get("/purchasing/v1/purchase-orders")).get(0).get("id").asText();

      HttpResponse<String> touched =
          ownHttp.send(
              HttpRequest.newBuilder(URI.create(own.baseUrl() + "/_sandbox/touch"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"resource\":\"purchase-orders\",\"id\":\""
                              + id
                              + "\",\"modifiedAt\":\"2025-03-01T00:00:00Z\"}"))
                  .build());
      HttpResponse<String> refused =
          ownHttp.send(
              HttpRequest.newBuilder(URI.create(own.baseUrl() + "/_sandbox/touch"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"resource\":\"jobs\",\"id\":\"x\"}"))
                  .build());

      assertThat(touched.statusCode()).isEqualTo(200);
      assertThat(
              SandboxHttp.json(ownHttp.get("/purchasing/v1/purchase-orders?id=" + id))
                  .get(0)
                  .get("modifiedDate")
                  .asText())
          .isEqualTo("2025-03-01T00:00:00.0000000Z");
      assertThat(refused.statusCode()).isEqualTo(400);
    }
  }

  private static JsonNode list(PlexResource resource) {
    HttpResponse<String> response = http.get(resource.path());
    assertThat(response.statusCode()).as(resource.path()).isEqualTo(200);
    return SandboxHttp.json(response);
  }

  private static List<String> fieldsOf(PlexResource resource) {
    List<String> names = new ArrayList<>();
    list(resource).get(0).fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> values(JsonNode records, String field) {
    return StreamSupport.stream(records.spliterator(), false)
        .map(record -> record.get(field))
        .filter(value -> value != null && !value.isNull())
        .map(JsonNode::asText)
        .collect(Collectors.toSet());
  }
}
