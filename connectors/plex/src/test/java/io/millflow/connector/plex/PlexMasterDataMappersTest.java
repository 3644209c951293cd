package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.Asset;
import io.millflow.model.InventoryItem;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.model.Vendor;
import io.millflow.model.WorkOrder;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plex suppliers, parts, containers, jobs and equipment to the unified model, one table of
 * expectations a mapper.
 */
class PlexMasterDataMappersTest {

  private static final MappingOptions OPTIONS = new MappingOptions("plex-prod", false, List.of());

  static Stream<Arguments> mappings() {
    return Stream.of(
        Arguments.of(
            new PlexSupplierMapper(),
            "plex-supplier.json",
            "plex.supplier",
            Vendor.ENTITY,
            Map.ofEntries(
                Map.entry("key", "c3a1e7d2-5b9f-4e0a-8c6d-7f2b1a9e4d50"),
                Map.entry("code", "SUP00017"),
                Map.entry("name", "Great Lakes Steel Inc."),
                Map.entry("status", "Active"),
                Map.entry("active", true),
                Map.entry("category", "Raw Material"),
                Map.entry("website", "https://greatlakessteel.example.com"),
                Map.entry("parentKey", "0e4b6c2a-9d1f-4a3b-8e7c-5f2d1b0a9c81"),
                Map.entry("createdAt", Instant.parse("2019-03-11T09:30:00Z")),
                Map.entry("updatedAt", Instant.parse("2024-06-14T16:02:11.441Z")))),
        Arguments.of(
            new PlexPartMapper(),
            "plex-part.json",
            "plex.part",
            InventoryItem.ENTITY,
            Map.ofEntries(
                Map.entry("key", "8b2d4f6a-1c3e-4a5b-9d7f-0e2c4a6b8d13"),
                Map.entry("code", "1002-0002"),
                Map.entry("name", "Cold-rolled steel coil 1.2 mm"),
                Map.entry("type", "Raw Material"),
                Map.entry("status", "Production"),
                Map.entry("revision", "B"),
                Map.entry("leadTimeDays", 21),
                Map.entry("siteKey", "GR-1"),
                Map.entry("updatedAt", Instant.parse("2024-09-02T07:45:30.123Z")))),
        Arguments.of(
            new PlexContainerMapper(),
            "plex-container.json",
            "plex.container",
            InventoryItem.ENTITY,
            Map.ofEntries(
                Map.entry("key", "S00004711"),
                Map.entry("code", "1002-0002"),
                Map.entry("itemKey", "8b2d4f6a-1c3e-4a5b-9d7f-0e2c4a6b8d13"),
                Map.entry("locationKey", "5e7a9c1b-3d5f-4b7a-8c9e-1f3b5d7a9c24"),
                Map.entry("location", "GR-1-A-04"),
                Map.entry("lotNumber", "LOT-002231"),
                Map.entry("quantityOnHand", new BigDecimal("812.500")),
                Map.entry("unitOfMeasure", "kg"),
                Map.entry("status", "OK"),
                Map.entry("type", "Raw Material"),
                Map.entry("createdAt", Instant.parse("2024-10-01T06:12:00Z")),
                Map.entry("updatedAt", Instant.parse("2024-10-03T14:40:05.5Z")))),
        Arguments.of(
            new PlexJobMapper(),
            "plex-job.json",
            "plex.job",
            WorkOrder.ENTITY,
            Map.ofEntries(
                Map.entry("key", "2f4a6c8e-0b1d-4e3f-a5b7-c9d1e3f5a7b9"),
                Map.entry("code", "J0200042"),
                Map.entry("status", "In Process"),
                Map.entry("type", "Production"),
                Map.entry("priority", "2"),
                Map.entry("itemKey", "8b2d4f6a-1c3e-4a5b-9d7f-0e2c4a6b8d13"),
                Map.entry("itemCode", "1002-0002"),
                Map.entry("quantity", new BigDecimal("1500")),
                Map.entry("quantityCompleted", new BigDecimal("600")),
                Map.entry("siteKey", "GR-2"),
                Map.entry("dueAt", Instant.parse("2024-12-20T00:00:00Z")))),
        Arguments.of(
            new PlexEquipmentMapper(),
            "plex-equipment.json",
            "plex.equipment",
            Asset.ENTITY,
            Map.ofEntries(
                Map.entry("key", "7c9e1a3b-5d7f-4a9b-8c1d-3e5f7a9b1c35"),
                    Map.entry("code", "EQ-0007"),
                Map.entry("name", "Stamping Press 7"), Map.entry("category", "Stamping Press"),
                Map.entry("status", "Running"), Map.entry("active", true),
                Map.entry("parentKey", "4d6f8a0c-2e4a-4c6e-9a0c-2e4a6c8e0a46"),
                    Map.entry("make", "Schuler"),
                Map.entry("model", "M-420"), Map.entry("serialNumber", "SN582211"))));
  }

  @ParameterizedTest(name = "{2} to {3}")
  @MethodSource("mappings")
  void mapsEveryListedFieldOfTheFixture(
      UnifiedMapper mapper,
      String fixture,
      String source,
      String target,
      Map<String, Object> expected) {
    Record mapped = (Record) mapper.map(Fixtures.read(fixture), OPTIONS);

    assertThat(mapper.sourceEntity()).isEqualTo(source);
    assertThat(mapper.targetEntity()).isEqualTo(target);
    assertThat(mapped)
        .extracting(expected.keySet().toArray(String[]::new))
        .containsExactlyElementsOf(expected.keySet().stream().map(expected::get).toList());
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("mappings")
  void recordsWhereTheRecordCameFromAndKeepsRawAndCustomFieldsOnRequest(
      UnifiedMapper mapper,
      String fixture,
      String source,
      String target,
      Map<String, Object> expected) {
    ObjectNode json = Fixtures.read(fixture);
    String extraField = json.fieldNames().next();

    Record mapped =
        (Record)
            mapper.map(json, new MappingOptions("plex-prod", true, List.of(extraField, "absent")));

    assertThat(mapped)
        .extracting("source")
        .isEqualTo(
            new SourceRef(
                "plex",
                "plex-prod",
                (String) expected.get("key"),
                (Instant) expected.get("updatedAt")));
    assertThat(mapped).extracting("raw").isEqualTo(json);
    assertThat(mapped)
        .extracting("customFields")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsOnlyKeys(extraField);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("mappings")
  void refusesARecordWithoutItsIdNamingTheField(
      UnifiedMapper mapper,
      String fixture,
      String source,
      String target,
      Map<String, Object> expected) {
    ObjectNode json = Fixtures.read(fixture);
    String idField = json.has("serialNo") && !json.has("id") ? "serialNo" : "id";
    json.remove(idField);

    assertThatThrownBy(() -> mapper.map(json, OPTIONS))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNMAPPABLE_RECORD"))
        .hasMessageContaining("'" + idField + "'");
  }
}
