package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.PlexRecordsRead.Input;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.model.Asset;
import io.millflow.model.InventoryItem;
import io.millflow.model.Vendor;
import io.millflow.model.WorkOrder;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code plex.records.read} against a running sandbox, and its datasets through the unified
 * transform.
 */
class PlexRecordsReadTest {

  @RegisterExtension
  static final PlexSandboxExtension PLEX =
      new PlexSandboxExtension(
          PlexSandboxConfig.defaults()
              .withPurchaseOrders(10)
              .withVolumes(new PlexSandboxConfig.Volumes(25, 40, 120, 60, 16))
              .withoutRateLimit());

  private final PlexSandbox sandbox = PLEX.sandbox();

  private final PlexRecordsRead step = new PlexRecordsRead();
  private final TestStepContext context =
      new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));

  @Test
  void readsEveryRecordOfEachResourceIntoItsEntity() {
    assertThat(List.of("suppliers", "parts", "containers", "jobs", "equipment"))
        .extracting(this::read)
        .extracting(result -> result.records().entity() + " " + result.records().count())
        .containsExactly(
            "plex.supplier 25",
            "plex.part 40",
            "plex.container 120",
            "plex.job 60",
            "plex.equipment 16");
  }

  @Test
  void keepsOnlyRecordsChangedSinceTheCursorAndReturnsTheNewestChange() {
    List<Instant> updated =
        records(read("containers")).stream()
            .map(container -> Instant.parse(container.get("updateDateTime").asText()))
            .sorted()
            .toList();

    ReadResult since = step.run(new Input("plex", "containers", updated.get(100), null), context);

    assertThat(since.records().count()).isEqualTo(20);
    assertThat(since.cursor()).isEqualTo(updated.getLast().toString());
    assertThat(context.logLines())
        .anyMatch(line -> line.contains("containers in full (Plex has no modified-date filter"));
  }

  @Test
  void keepsTheCursorWhereItWasWhenNothingChanged() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");

    ReadResult nothing = step.run(new Input("plex", "suppliers", later, null), context);

    assertThat(nothing.records().count()).isZero();
    assertThat(nothing.cursor()).isEqualTo(later.toString());
  }

  @Test
  void readsAllJobsWithoutACursorSincePlexGivesThemNoModifiedDate() {
    ReadResult jobs =
        step.run(new Input("plex", "jobs", Instant.parse("2030-01-01T00:00:00Z"), null), context);

    assertThat(jobs.records().count()).isEqualTo(60);
    assertThat(jobs.cursor()).isNull();
    assertThat(context.logLines())
        .anyMatch(line -> line.startsWith("WARN Plex jobs carry no modified date"));
  }

  @Test
  void sendsTheGivenFiltersToPlexRepeatingListValues() {
    List<JsonNode> all = records(read("suppliers"));
    long activeOrOnHold =
        all.stream()
            .map(supplier -> supplier.get("status").asText())
            .filter(status -> status.equals("Active") || status.equals("On Hold"))
            .count();

    ReadResult filtered =
        step.run(
            new Input("plex", "suppliers", null, Map.of("status", List.of("Active", "On Hold"))),
            context);

    assertThat(filtered.records().count()).isEqualTo(activeOrOnHold).isLessThan(all.size());
  }

  @Test
  void refusesAFilterTheResourceDoesNotHaveNamingTheOnesItHas() {
    assertThatThrownBy(
            () ->
                step.run(
                    new Input("plex", "parts", null, Map.of("partNumber", "1000-0001")), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("'partNumber'")
        .hasMessageContaining("number, revision, type, status, source");
  }

  @Test
  void refusesADateOnlyDueDateFilterBeforeAskingPlex() {
    assertThatThrownBy(
            () ->
                step.run(
                    new Input("plex", "jobs", null, Map.of("dueDateEnd", "2024-12-01")), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("dueDateEnd")
        .hasMessageContaining("2025-01-31T00:00:00Z");
  }

  @Test
  void refusesAnUnknownResourceNamingTheChoices() {
    assertThatThrownBy(() -> step.run(new Input("plex", "purchase-orders", null, null), context))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("[suppliers, parts, containers, jobs, equipment]")
        .hasMessageContaining("plex.purchase-orders.read");
  }

  @Test
  void producesDatasetsTheUnifiedTransformMapsWithPlexsMappers() {
    UnifiedTransform transform =
        new UnifiedTransform(
            List.of(
                new PlexSupplierMapper(),
                new PlexPartMapper(),
                new PlexContainerMapper(),
                new PlexJobMapper(),
                new PlexEquipmentMapper()));

    DatasetRef vendors =
        transform.run(
            new UnifiedTransform.Input(read("suppliers").records(), "plex", false, null), context);
    DatasetRef stock =
        transform.run(
            new UnifiedTransform.Input(read("containers").records(), "plex", false, null), context);
    DatasetRef workOrders =
        transform.run(
            new UnifiedTransform.Input(read("jobs").records(), "plex", false, null), context);
    DatasetRef assets =
        transform.run(
            new UnifiedTransform.Input(read("equipment").records(), "plex", false, null), context);

    assertThat(context.datasets().readAll(vendors, Vendor.class))
        .hasSize(25)
        .allSatisfy(v -> assertThat(v.code()).startsWith("SUP"));
    assertThat(context.datasets().readAll(stock, InventoryItem.class))
        .hasSize(120)
        .allSatisfy(item -> assertThat(item.itemKey()).isNotBlank());
    assertThat(context.datasets().readAll(workOrders, WorkOrder.class)).hasSize(60);
    assertThat(context.datasets().readAll(assets, Asset.class))
        .hasSize(16)
        .allSatisfy(asset -> assertThat(asset.parentKey()).isNotBlank());
  }

  private ReadResult read(String resource) {
    return step.run(new Input("plex", resource, null, null), context);
  }

  private List<JsonNode> records(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class);
  }
}
