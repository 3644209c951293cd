package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Plex release and receipt write steps against the sandbox, outside any engine. */
class PlexReleaseWritesTest {

  private static PlexSandbox sandbox;
  private static List<ObjectNode> lines;
  private static String supplierId;

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(
                PlexSandboxConfig.defaults().withPurchaseOrders(100).withRateLimitPerMinute(600))
            .start(0);
    PlexClient plex = new HttpPlexClientFactory().forConnection(PlexConnections.to(sandbox, "all"));
    lines = new ArrayList<>();
    List<ObjectNode> orders = plex.purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null));
    supplierId = orders.getFirst().get("supplierId").asText();
    for (ObjectNode order : orders.subList(0, 70)) {
      lines.addAll(plex.purchaseOrderLineItems(order.get("id").asText()));
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private TestStepContext context() {
    return new TestStepContext().withConnection(PlexConnections.to(sandbox, "plex"));
  }

  @Test
  void upsertingTwiceWritesOneReleaseAndLeavesItUnchanged() {
    String key = "wh-" + UUID.randomUUID();
    long before = sandbox.releasesCreated();
    TestStepContext context = context();
    DatasetRef records =
        context.datasets().put("release", List.of(release(key, lines.get(0), "7")));

    RecordWriteResult first = new PlexReleaseUpsert().run(input(records, false), context);
    RecordWriteResult second = new PlexReleaseUpsert().run(input(records, false), context);

    assertThat(first.creates()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.written()).isZero();
    assertThat(sandbox.releasesCreated()).isEqualTo(before + 1);
    WriteOutcome outcome = outcomes(context, second.records()).getFirst();
    assertThat(outcome.targetId()).isEqualTo(PlexWriteKeys.derived("release", key));
  }

  @Test
  void aDryRunWritesNothingAndItsDiffIsExact() {
    String key = "wh-" + UUID.randomUUID();
    TestStepContext context = context();
    DatasetRef created =
        context.datasets().put("release", List.of(release(key, lines.get(1), "5")));
    new PlexReleaseUpsert().run(input(created, false), context);
    long before = sandbox.releasesCreated();
    ObjectNode changed = release(key, lines.get(1), "8.5");
    ObjectNode fresh = release("wh-" + UUID.randomUUID(), lines.get(2), "3");
    ObjectNode same =
        release("other-key", lines.get(1), "5.0").put("id", PlexWriteKeys.derived("release", key));
    DatasetRef records = context.datasets().put("release", List.of(changed, fresh, same));

    RecordWriteResult dry = new PlexReleaseUpsert().run(input(records, true), context);

    assertThat(sandbox.releasesCreated()).isEqualTo(before);
    assertThat(dry.updates()).isEqualTo(1);
    assertThat(dry.creates()).isEqualTo(1);
    assertThat(dry.unchanged()).isEqualTo(1);
    List<WriteDiff> diffs = context.datasets().read(dry.records(), WriteDiff.class).toList();
    WriteDiff update = diffs.getFirst();
    assertThat(update.action()).isEqualTo(WriteDiff.UPDATE);
    assertThat(update.changes()).hasSize(1);
    assertThat(update.changes().getFirst().field()).isEqualTo("quantity");
    assertThat(update.changes().getFirst().oldValue().decimalValue()).isEqualByComparingTo("5");
    assertThat(update.changes().getFirst().newValue().decimalValue()).isEqualByComparingTo("8.5");
    assertThat(diffs.get(1).changes())
        .extracting(WriteDiff.FieldChange::field)
        .containsExactlyInAnyOrder("poLineItemId", "quantity", "dueDate");
    assertThat(new PlexReleaseUpsert().run(input(created, false), context).unchanged())
        .isEqualTo(1); // the dry run changed nothing in Plex
  }

  @Test
  void aRejectedRecordCarriesPlexsOwnErrorCodeAndTooManyAreWriteRejected() {
    TestStepContext context = context();
    ObjectNode unknownLine =
        release("wh-" + UUID.randomUUID(), lines.get(3), "1")
            .put("poLineItemId", UUID.randomUUID().toString());
    ObjectNode noQuantity = release("wh-" + UUID.randomUUID(), lines.get(4), "1");
    noQuantity.remove("quantity");
    ObjectNode good = release("wh-" + UUID.randomUUID(), lines.get(5), "2");
    DatasetRef records = context.datasets().put("release", List.of(good, unknownLine, noQuantity));

    assertThatThrownBy(() -> new PlexReleaseUpsert().run(input(records, false), context))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("Plex refused 2 of 3")
        .extracting(e -> ((StepFailure) e).code())
        .isEqualTo("WRITE_REJECTED");
    RecordWriteResult tolerated =
        new PlexReleaseUpsert().run(new PlexWriteInput("plex", records, null, false, 1.0), context);

    List<WriteOutcome> outcomes = outcomes(context, tolerated.records());
    assertThat(outcomes.get(0).outcome()).isEqualTo(WriteOutcome.UNCHANGED);
    assertThat(outcomes.get(1).errorCode()).isEqualTo(PlexGuesses.INVALID_REFERENCE_CODE);
    assertThat(outcomes.get(1).message()).contains("No purchase order line item");
    assertThat(outcomes.get(2).errorCode()).isEqualTo(PlexGuesses.FIELD_REQUIRED_CODE);
    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.toString()).doesNotContain(sandbox.config().apiKey()));
  }

  @Test
  void cancelingTwiceCancelsOnceAndAnUnknownReleaseIsRefused() {
    String key = "wh-" + UUID.randomUUID();
    TestStepContext context = context();
    DatasetRef created =
        context.datasets().put("release", List.of(release(key, lines.get(6), "4")));
    new PlexReleaseUpsert().run(input(created, false), context);
    DatasetRef cancels =
        context
            .datasets()
            .put("release", List.of(key(key), key("never-written-" + UUID.randomUUID())));

    RecordWriteResult first =
        new PlexReleaseCancel().run(new PlexWriteInput("plex", cancels, null, false, 1.0), context);
    RecordWriteResult second =
        new PlexReleaseCancel().run(new PlexWriteInput("plex", cancels, null, false, 1.0), context);

    assertThat(first.updates()).isEqualTo(1);
    assertThat(first.rejected()).isEqualTo(1);
    assertThat(outcomes(context, first.records()).get(1).errorCode())
        .isEqualTo(PlexGuesses.NOT_FOUND_CODE);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.written()).isZero();
  }

  @Test
  void aReceiptIsCreatedOncePerTrackingNumberAndAnUnknownSupplierIsRefused() {
    String code = "GR-" + UUID.randomUUID().toString().substring(0, 8);
    TestStepContext context = context();
    ObjectNode receipt = key(code).put("supplierId", supplierId);
    ObjectNode unknown = key(code + "-x").put("supplierId", UUID.randomUUID().toString());
    DatasetRef records = context.datasets().put("receipt", List.of(receipt, unknown));

    RecordWriteResult dry =
        new PlexReceiptCreate().run(new PlexWriteInput("plex", records, null, true, 1.0), context);
    RecordWriteResult first =
        new PlexReceiptCreate().run(new PlexWriteInput("plex", records, null, false, 1.0), context);
    RecordWriteResult second =
        new PlexReceiptCreate().run(new PlexWriteInput("plex", records, null, false, 1.0), context);

    assertThat(dry.creates()).isEqualTo(1); // the dry run reads the supplier, as the write fails
    assertThat(context.datasets().read(dry.records(), WriteDiff.class).toList().get(1).errorCode())
        .isEqualTo(PlexGuesses.INVALID_REFERENCE_CODE);
    assertThat(first.creates()).isEqualTo(1);
    assertThat(outcomes(context, first.records()).get(1).errorCode())
        .isEqualTo(PlexGuesses.INVALID_REFERENCE_CODE);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.creates()).isZero();
  }

  @Test
  void plexsRateLimitIsWaitedOutAndEveryReleaseWrittenOnce() {
    try (PlexSandbox limited =
        new PlexSandbox(
                PlexSandboxConfig.defaults().withPurchaseOrders(100).withRateLimitPerMinute(120))
            .start(0)) {
      TestStepContext context =
          new TestStepContext().withConnection(PlexConnections.to(limited, "plex"));
      List<ObjectNode> records = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        records.add(release("rl-" + i, lines.get(i), "1"));
      }
      DatasetRef in = context.datasets().put("release", records);

      RecordWriteResult result = new PlexReleaseUpsert().run(input(in, false), context);

      assertThat(result.creates()).isEqualTo(70);
      assertThat(limited.releasesCreated()).isEqualTo(70);
      assertThat(context.logLines())
          .anySatisfy(line -> assertThat(line).contains("Plex asked to wait"));
    }
  }

  private static PlexWriteInput input(DatasetRef records, boolean dry) {
    return new PlexWriteInput("plex", records, null, dry, null);
  }

  private static List<WriteOutcome> outcomes(TestStepContext context, DatasetRef ref) {
    return context.datasets().read(ref, WriteOutcome.class).toList();
  }

  private static ObjectNode key(String key) {
    return Json.mapper().createObjectNode().put("key", key);
  }

  private static ObjectNode release(String key, ObjectNode line, String quantity) {
    return key(key)
        .put("poLineItemId", line.get("id").asText())
        .put("quantity", new BigDecimal(quantity))
        .put("dueDate", "2026-12-01T00:00:00Z");
  }
}
