package io.millflow.connector.netsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Written records: upsert by external id, NetSuite's refusals of a record's content, and async jobs
 * that an idempotency key names once.
 */
class WrittenRecordsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  private final WrittenRecords records =
      new WrittenRecords(
          new SandboxData(NetSuiteSandboxConfig.defaults().withPurchaseOrders(10).withVendors(5)),
          CLOCK);

  @Test
  void upsertingTheSameExternalIdTwiceKeepsOneRecordWithTheLaterValues() throws Exception {
    WrittenRecords.Stored first =
        records.upsert("vendor", "WH-1", vendor("Acme").put("email", "a@acme.example"));
    WrittenRecords.Stored second = records.upsert("vendor", "WH-1", vendor("Acme Castings"));

    assertThat(first.created()).isTrue();
    assertThat(second).isEqualTo(new WrittenRecords.Stored(first.id(), false));
    assertThat(records.count("vendor")).isEqualTo(1);
    ObjectNode stored = records.get("vendor", "eid:WH-1").orElseThrow();
    assertThat(stored.path("companyName").asText()).isEqualTo("Acme Castings");
    assertThat(stored.path("email").asText()).isEqualTo("a@acme.example");
    assertThat(stored.path("externalId").asText()).isEqualTo("WH-1");
  }

  @Test
  void refusesACreateWithoutItsRequiredFieldAsUserError() {
    assertThatThrownBy(() -> records.upsert("vendor", "WH-2", Json.mapper().createObjectNode()))
        .isInstanceOfSatisfying(
            WriteRefused.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(400);
              assertThat(refused.code()).isEqualTo("USER_ERROR");
              assertThat(refused.getMessage()).contains("companyName");
            });
    assertThat(records.count("vendor")).isZero();
  }

  @Test
  void refusesAnUnknownReferenceAsInvalidKeyOrRef() {
    ObjectNode body = vendor("Acme");
    body.putObject("subsidiary").put("id", "99");

    assertThatThrownBy(() -> records.upsert("vendor", "WH-3", body))
        .isInstanceOfSatisfying(
            WriteRefused.class,
            refused -> assertThat(refused.code()).isEqualTo("INVALID_KEY_OR_REF"));
  }

  @Test
  void refusesAVendorIdAnotherVendorHoldsAsUniqueCustIdReqd() throws Exception {
    records.upsert("vendor", "WH-4", vendor("Acme").put("entityId", "ACME"));

    assertThatThrownBy(
            () -> records.upsert("vendor", "WH-5", vendor("Other").put("entityId", "ACME")))
        .isInstanceOfSatisfying(
            WriteRefused.class,
            refused -> assertThat(refused.code()).isEqualTo("UNIQUE_CUST_ID_REQD"));
    assertThatThrownBy(
            () -> records.upsert("vendor", "WH-6", vendor("Generated").put("entityId", "V00003")))
        .isInstanceOfSatisfying(
            WriteRefused.class,
            refused -> assertThat(refused.code()).isEqualTo("UNIQUE_CUST_ID_REQD"));
    records.upsert("vendor", "WH-4", vendor("Acme again").put("entityId", "ACME"));
  }

  @Test
  void runsARequestOnceForAnIdempotencyKeyAndHandsBackTheSameJob() {
    AsyncJobs jobs = new AsyncJobs(CLOCK, Duration.ZERO);
    AtomicInteger runs = new AtomicInteger();

    AsyncJobs.Submission first =
        jobs.submit("run-1:WH-1", () -> new AsyncJobs.Answer(204, count(runs)));
    AsyncJobs.Submission again =
        jobs.submit("run-1:WH-1", () -> new AsyncJobs.Answer(204, count(runs)));
    AsyncJobs.Submission other =
        jobs.submit("run-1:WH-2", () -> new AsyncJobs.Answer(204, count(runs)));

    assertThat(again.repeated()).isTrue();
    assertThat(again.job()).isEqualTo(first.job());
    assertThat(other.job().id()).isNotEqualTo(first.job().id());
    assertThat(runs).hasValue(2);
    assertThat(jobs.runs()).isEqualTo(2);
  }

  private static ObjectNode count(AtomicInteger runs) {
    runs.incrementAndGet();
    return Json.mapper().createObjectNode();
  }

  private static ObjectNode vendor(String name) {
    return Json.mapper().createObjectNode().put("companyName", name);
  }
}
