package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.Vendor;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Rejects;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * netsuite.vendor.upsert against the sandbox: upserts by external id, dry runs, NetSuite's refusals
 * per record, idempotency keys across retried attempts, and the account's limits.
 */
class NetSuiteVendorUpsertTest {

  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext()
          .withConnection(sandbox.connection("netsuite"))
          .withConnection(sandbox.tbaConnection("netsuite-tba"))
          .withConnection(
              NetSuiteTesting.with(
                  sandbox.tbaConnection("netsuite-narrow"),
                  Map.of("maxConcurrency", "3"),
                  Map.of()));
  private final NetSuiteVendorUpsert step = new NetSuiteVendorUpsert(NetSuiteTesting.clients());

  @BeforeAll
  static void start() {
    sandbox =
        new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5).withVendors(20))
            .start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void upsertingTheSameVendorsTwiceLeavesOneRecordEach() {
    long before = sandbox.writtenRecords("vendor");
    DatasetRef vendors =
        vendors(vendor("TWICE-1", "Acme Castings"), vendor("TWICE-2", "Bolt & Nut Co"));

    RecordWriteResult first = step.run(input("netsuite", vendors, false, false), context);
    RecordWriteResult second = step.run(input("netsuite-tba", vendors, false, false), context);

    assertThat(sandbox.writtenRecords("vendor") - before).isEqualTo(2);
    assertThat(second.written()).isEqualTo(2);
    assertThat(ids(second)).isEqualTo(ids(first)).doesNotContainNull();
  }

  @Test
  void aDryRunWritesNothingAndShowsExactlyWhatWouldChange() {
    step.run(
        input(
            "netsuite",
            vendors(vendor("DRY-1", "Delta Hydraulics"), vendor("DRY-2", "Summit")),
            false,
            false),
        context);
    long written = sandbox.writtenRecords("vendor");
    long asyncRuns = sandbox.asyncRequestsRun();
    Vendor changed = withEmail(vendor("DRY-1", "Delta Hydraulics"), "buyer@delta.example");

    RecordWriteResult dry =
        step.run(
            input(
                "netsuite",
                vendors(changed, vendor("DRY-2", "Summit"), vendor("DRY-3", "Keystone")),
                true,
                true),
            context);

    List<UpsertDiff> diffs = context.datasets().readAll(dry.records(), UpsertDiff.class);
    String dry1 = sandbox.writtenRecord("vendor", "eid:DRY-1").orElseThrow().path("id").asText();
    String dry2 = sandbox.writtenRecord("vendor", "eid:DRY-2").orElseThrow().path("id").asText();
    assertThat(diffs)
        .containsExactly(
            new UpsertDiff(
                "DRY-1",
                "DRY-1",
                "update",
                dry1,
                List.of(
                    new WriteDiff.FieldChange(
                        "email", null, TextNode.valueOf("buyer@delta.example"))),
                null,
                null),
            new UpsertDiff("DRY-2", "DRY-2", "unchanged", dry2, List.of(), null, null),
            new UpsertDiff(
                "DRY-3",
                "DRY-3",
                "create",
                null,
                List.of(
                    new WriteDiff.FieldChange("entityId", null, TextNode.valueOf("C-DRY-3")),
                    new WriteDiff.FieldChange("companyName", null, TextNode.valueOf("Keystone")),
                    new WriteDiff.FieldChange("isInactive", null, BooleanNode.FALSE)),
                null,
                null));
    assertThat(dry)
        .isEqualTo(new RecordWriteResult(dry.records(), true, 3, 1, 1, 1, 0, Rejects.NONE));
    assertThat(sandbox.writtenRecords("vendor")).isEqualTo(written);
    assertThat(sandbox.asyncRequestsRun()).isEqualTo(asyncRuns);
    assertThat(sandbox.writtenRecord("vendor", "eid:DRY-1").orElseThrow().has("email")).isFalse();
  }

  @Test
  void aRefusedVendorCarriesNetSuitesOwnErrorCode() {
    Vendor nameless = vendor("REF-2", null);
    Vendor takenCode =
        new Vendor(
            "REF-3", "V00001", "Copycat", null, true, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    RecordWriteResult result =
        step.run(
            new UpsertInput(
                "netsuite-tba",
                vendors(
                    vendor("REF-1", "Prairie Packaging"),
                    nameless,
                    takenCode,
                    vendor("bad id!", "X")),
                null,
                null,
                false,
                true,
                1.0),
            context);

    assertThat(context.datasets().readAll(result.records(), UpsertOutcome.class))
        .extracting(UpsertOutcome::key, UpsertOutcome::outcome, UpsertOutcome::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("REF-1", "upserted", null),
            org.assertj.core.groups.Tuple.tuple("REF-2", "rejected", "USER_ERROR"),
            org.assertj.core.groups.Tuple.tuple("REF-3", "rejected", "UNIQUE_CUST_ID_REQD"),
            org.assertj.core.groups.Tuple.tuple("bad id!", "rejected", "INVALID_EXTERNAL_ID"));
    assertThat(result.written()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(3);
    // for the run's ledger: an upsert is written without saying whether it created the vendor
    assertThat(result.upserted()).isEqualTo(1);
    assertThat(result.rejects().records()).containsExactly("REF-2", "REF-3", "bad id!");
    assertThat(result.rejects().reasons())
        .containsOnly(
            Map.entry("USER_ERROR", 1L),
            Map.entry("UNIQUE_CUST_ID_REQD", 1L),
            Map.entry("INVALID_EXTERNAL_ID", 1L));
  }

  @Test
  void endsInWriteRejectedWhenNetSuiteRefusesMoreThanTheAllowedShare() {
    DatasetRef vendors = vendors(vendor("SHARE-1", "Ironworks"), vendor("SHARE-2", "Great Lakes"));

    assertThatThrownBy(
            () ->
                step.run(
                    new UpsertInput("netsuite", vendors, null, "99", false, false, 0.5), context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("WRITE_REJECTED");
              assertThat(failure.getMessage()).contains("refused 2 of 2");
            });
    assertThat(sandbox.writtenRecord("vendor", "eid:SHARE-1")).isEmpty();
  }

  @Test
  void aRetriedAttemptSendsTheSameIdempotencyKeysAndNetSuiteWritesNothingTwice() {
    step.run(input("netsuite", vendors(vendor("RETRY-1", "Northwind")), false, true), context);
    long runs = sandbox.asyncRequestsRun();

    RecordWriteResult retried =
        step.run(
            input("netsuite", vendors(vendor("RETRY-1", "Northwind renamed")), false, true),
            context);

    assertThat(sandbox.asyncRequestsRun()).isEqualTo(runs);
    assertThat(retried.written()).isEqualTo(1);
    assertThat(
            sandbox
                .writtenRecord("vendor", "eid:RETRY-1")
                .orElseThrow()
                .path("companyName")
                .asText())
        .isEqualTo("Northwind");
    RecordWriteResult synchronous =
        step.run(
            input("netsuite", vendors(vendor("RETRY-1", "Northwind renamed")), false, false),
            context);
    assertThat(synchronous.written()).isEqualTo(1);
    assertThat(
            sandbox
                .writtenRecord("vendor", "eid:RETRY-1")
                .orElseThrow()
                .path("companyName")
                .asText())
        .isEqualTo("Northwind renamed");
  }

  @Test
  void waitsOutRateLimitsAndKeepsWithinTheAccountsConcurrency() {
    DatasetRef many =
        vendors(
            IntStream.range(0, 60)
                .mapToObj(i -> vendor("LIMIT-" + i, "Vendor " + i))
                .toArray(Vendor[]::new));
    sandbox.faults().rateLimitNext(2, Duration.ofSeconds(1));
    long refusals = sandbox.concurrencyRefusals();
    long started = System.nanoTime();

    RecordWriteResult result = step.run(input("netsuite-narrow", many, false, true), context);

    assertThat(result.written()).isEqualTo(60);
    assertThat(sandbox.concurrencyRefusals()).isEqualTo(refusals);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(sandbox.faults().pending()).isEmpty();
  }

  private static UpsertInput input(
      String connection, DatasetRef records, boolean dryRun, boolean async) {
    return new UpsertInput(connection, records, null, null, dryRun, async, null);
  }

  private List<String> ids(RecordWriteResult result) {
    return context.datasets().readAll(result.records(), UpsertOutcome.class).stream()
        .map(UpsertOutcome::internalId)
        .toList();
  }

  private DatasetRef vendors(Vendor... vendors) {
    try (DatasetWriter writer = context.datasets().create(Vendor.ENTITY)) {
      for (Vendor vendor : vendors) {
        writer.add(vendor);
      }
      return writer.finish();
    }
  }

  private static Vendor vendor(String key, String name) {
    return new Vendor(
        key,
        "C-" + key,
        name,
        "Active",
        true,
        null,
        "USD",
        "Net 30",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Vendor withEmail(Vendor v, String email) {
    return new Vendor(
        v.key(),
        v.code(),
        v.name(),
        v.status(),
        v.active(),
        v.category(),
        v.currency(),
        v.paymentTerms(),
        email,
        v.phone(),
        v.website(),
        v.address(),
        v.parentKey(),
        v.createdAt(),
        v.updatedAt(),
        v.source(),
        v.customFields(),
        v.raw());
  }
}
