package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.RetryableStepException;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Plex supplier upsert and production recording steps against the sandbox. */
class PlexSupplierAndProductionWritesTest {

  private static PlexSandbox sandbox;
  private static PlexClient plex;
  private static List<ObjectNode> suppliers;
  private static List<ObjectNode> parts;

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(
                PlexSandboxConfig.defaults().withPurchaseOrders(10).withRateLimitPerMinute(6000))
            .start(0);
    plex = new HttpPlexClientFactory().forConnection(PlexConnections.to(sandbox, "all"));
    suppliers = plex.records(PlexResource.SUPPLIERS, List.of());
    parts = plex.records(PlexResource.PARTS, List.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private TestStepContext context() {
    return new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));
  }

  @Test
  void upsertingASupplierTwiceCreatesOneAndASupplierMadeInPlexIsFoundByItsCode() {
    String code = "WH-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode existing = suppliers.getFirst();
    TestStepContext context = context();
    DatasetRef records =
        context
            .datasets()
            .put(
                "supplier",
                List.of(
                    supplier(code, code, "Acme Fasteners"),
                    supplier("by-code-" + code, existing.get("code").asText(), "Renamed Inc.")));
    long before = sandbox.suppliersCreated();

    RecordWriteResult first = new PlexSupplierUpsert().run(input(records, false), context);
    RecordWriteResult second = new PlexSupplierUpsert().run(input(records, false), context);

    assertThat(first.creates()).isEqualTo(1);
    assertThat(first.updates()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(sandbox.suppliersCreated()).isEqualTo(before + 1);
    List<WriteOutcome> outcomes = outcomes(context, first.records());
    assertThat(outcomes.get(0).targetId()).isEqualTo(PlexWriteKeys.derived("supplier", code));
    assertThat(outcomes.get(1).targetId()).isEqualTo(existing.get("id").asText());
    assertThat(plex.records(PlexResource.SUPPLIERS, List.of(Map.entry("code", code))))
        .singleElement()
        .satisfies(s -> assertThat(s.get("name").asText()).isEqualTo("Acme Fasteners"));
  }

  @Test
  void aSupplierDryRunWritesNothingAndNamesTheFieldsThatWouldChange() {
    String code = "WH-" + UUID.randomUUID().toString().substring(0, 8);
    TestStepContext context = context();
    DatasetRef created = context.datasets().put("supplier", List.of(supplier(code, code, "Old")));
    new PlexSupplierUpsert().run(input(created, false), context);
    DatasetRef changed =
        context
            .datasets()
            .put(
                "supplier",
                List.of(
                    supplier(code, code, "New").put("note", "net 30"),
                    supplier("fresh-" + code, "F" + code, "Fresh")));
    long before = sandbox.suppliersCreated();

    RecordWriteResult dry = new PlexSupplierUpsert().run(input(changed, true), context);

    assertThat(sandbox.suppliersCreated()).isEqualTo(before);
    assertThat(dry.updates()).isEqualTo(1);
    assertThat(dry.creates()).isEqualTo(1);
    List<WriteDiff> diffs = context.datasets().read(dry.records(), WriteDiff.class).toList();
    assertThat(diffs.getFirst().changes())
        .extracting(WriteDiff.FieldChange::field)
        .containsExactlyInAnyOrder("name", "note");
    assertThat(diffs.getFirst().changes().getFirst().oldValue().asText()).isEqualTo("Old");
    assertThat(new PlexSupplierUpsert().run(input(created, false), context).unchanged())
        .isEqualTo(1); // the dry run changed nothing in Plex
  }

  @Test
  void aSupplierTakingAnotherSuppliersCodeOrLackingANameIsRefusedWithPlexsCode() {
    TestStepContext context = context();
    String code = "WH-" + UUID.randomUUID().toString().substring(0, 8);
    DatasetRef first = context.datasets().put("supplier", List.of(supplier(code, code, "Mine")));
    new PlexSupplierUpsert().run(input(first, false), context);
    ObjectNode takesCode =
        supplier(code, suppliers.get(1).get("code").asText(), "Mine")
            .put("id", PlexWriteKeys.derived("supplier", code));
    ObjectNode noName = supplier("nameless-" + code, "N" + code, null);
    DatasetRef records = context.datasets().put("supplier", List.of(takesCode, noName));

    RecordWriteResult result =
        new PlexSupplierUpsert()
            .run(new PlexWriteInput("plex", records, null, false, 1.0), context);

    List<WriteOutcome> outcomes = outcomes(context, result.records());
    assertThat(outcomes.get(0).errorCode()).isEqualTo(PlexGuesses.DUPLICATE_CODE_CODE);
    assertThat(outcomes.get(1).errorCode()).isEqualTo(PlexGuesses.FIELD_REQUIRED_CODE);
    assertThat(result.rejected()).isEqualTo(2);
  }

  @Test
  void productionIsRecordedOncePerKeyAcrossAttemptsThatAnOutageCutShort() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      records.add(production(run + "-" + i, sandbox.workcenterId(0), String.valueOf(i)));
    }
    TestStepContext context = context().withTaskKey("run-" + run + ":record-production");
    DatasetRef in = context.datasets().put("production", records);
    int before = sandbox.productionRecorded().size();

    int failedAttempts = 0;
    RecordWriteResult result = null;
    sandbox.faults().errorRate(0.3, 503);
    try {
      for (int attempt = 0; attempt < 100 && result == null; attempt++) {
        try {
          result = new PlexProductionRecord().run(input(in, false), context);
        } catch (RetryableStepException e) {
          failedAttempts++;
        }
      }
    } finally {
      sandbox.faults().clear();
    }

    assertThat(failedAttempts).isPositive();
    assertThat(result).isNotNull();
    assertThat(result.creates()).isEqualTo(20);
    List<BigDecimal> recorded =
        sandbox.productionRecorded().subList(before, sandbox.productionRecorded().size()).stream()
            .map(p -> p.get("quantity").decimalValue())
            .toList();
    assertThat(recorded).hasSize(20).doesNotHaveDuplicates();
    assertThat(outcomes(context, result.records()))
        .allSatisfy(o -> assertThat(o.targetId()).startsWith("P"));
  }

  @Test
  void aDryRunOfProductionRecordsNothingAndAgreesWithTheWriteRecordByRecord() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ObjectNode good = production(run + "-ok", sandbox.workcenterId(1), "3");
    ObjectNode unknownPart =
        production(run + "-part", sandbox.workcenterId(1), "2")
            .put("partId", UUID.randomUUID().toString());
    ObjectNode unknownComponent = production(run + "-comp", sandbox.workcenterId(1), "2");
    unknownComponent
        .putArray("batchComponentQuantities")
        .addObject()
        .put("partId", UUID.randomUUID().toString())
        .put("quantity", 1);
    ObjectNode unknownWorkcenter = production(run + "-wc", UUID.randomUUID().toString(), "1");
    ObjectNode noQuantity = production(run + "-qty", sandbox.workcenterId(1), "1");
    noQuantity.remove("quantity");
    TestStepContext context = context();
    DatasetRef in =
        context
            .datasets()
            .put(
                "production",
                List.of(good, unknownPart, unknownComponent, unknownWorkcenter, noQuantity));
    int before = sandbox.productionRecorded().size();

    RecordWriteResult dry = new PlexProductionRecord().run(input(in, true), context);
    assertThat(sandbox.productionRecorded()).hasSize(before);
    RecordWriteResult written =
        new PlexProductionRecord().run(new PlexWriteInput("plex", in, null, false, 1.0), context);

    List<WriteDiff> diffs = context.datasets().read(dry.records(), WriteDiff.class).toList();
    List<WriteOutcome> outcomes = outcomes(context, written.records());
    assertThat(diffs)
        .extracting(WriteDiff::key, WriteDiff::errorCode)
        .containsExactly(
            tuple(run + "-ok", null),
            tuple(run + "-part", PlexGuesses.INVALID_REFERENCE_CODE),
            tuple(run + "-comp", PlexGuesses.INVALID_REFERENCE_CODE),
            tuple(run + "-wc", PlexGuesses.NOT_FOUND_CODE),
            tuple(run + "-qty", PlexGuesses.FIELD_REQUIRED_CODE));
    assertThat(outcomes)
        .extracting(WriteOutcome::key, WriteOutcome::errorCode)
        .containsExactlyElementsOf(
            diffs.stream().map(diff -> tuple(diff.key(), diff.errorCode())).toList());
    assertThat(diffs.getFirst().action()).isEqualTo(WriteDiff.CREATE);
    assertThat(outcomes.getFirst().outcome()).isEqualTo(WriteOutcome.CREATED);
    assertThat(sandbox.productionRecorded()).hasSize(before + 1);
  }

  @Test
  void aDryRunReadsAWorkcenterItsRecordsShareOnce() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String unknown = UUID.randomUUID().toString();
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ObjectNode record = production(run + "-" + i, unknown, "1");
      record.remove("partId");
      records.add(record.put("supplyItemId", "S-1"));
    }
    TestStepContext context = context();
    DatasetRef in = context.datasets().put("production", records);
    long calls = sandbox.apiCalls();

    RecordWriteResult dry = new PlexProductionRecord().run(input(in, true), context);

    assertThat(dry.rejected()).isEqualTo(12);
    assertThat(sandbox.apiCalls() - calls).isEqualTo(1);
  }

  private static PlexWriteInput input(DatasetRef records, boolean dry) {
    return new PlexWriteInput("plex", records, null, dry, null);
  }

  private static List<WriteOutcome> outcomes(TestStepContext context, DatasetRef ref) {
    return context.datasets().read(ref, WriteOutcome.class).toList();
  }

  private static ObjectNode supplier(String key, String code, String name) {
    ObjectNode supplier = Json.mapper().createObjectNode().put("key", key).put("code", code);
    if (name != null) {
      supplier.put("name", name);
    }
    return supplier.put("status", "Active");
  }

  private static ObjectNode production(String key, String workcenterId, String quantity) {
    return Json.mapper()
        .createObjectNode()
        .put("key", key)
        .put("workcenterId", workcenterId)
        .put("partId", parts.get(key.length() % parts.size()).get("id").asText())
        .put("quantity", new BigDecimal(quantity));
  }
}
