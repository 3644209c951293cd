package io.millflow.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunDatasetsTest {

  record Row(String key, String note) {}

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-run-datasets-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final PostgresDatasetStore store = new PostgresDatasetStore(jdbi, 10);
  private final RunDatasets datasets = new RunDatasets(jdbi);
  private final DatasetLines lines = new DatasetLines(jdbi);

  @Test
  void listsWhatEachStepReadAndWroteWithTheStoredCounts() {
    UUID run = insertRun("t1");
    DatasetRef read = write("t1", run, "order", 25);
    DatasetRef mapped = write("t1", run, "purchaseOrder", 24);
    UUID readStep = insertLedgerRow(run, "Read", List.of(), List.of(read.dataset()));
    UUID mapStep = insertLedgerRow(run, "Map", List.of(read.dataset()), List.of(mapped.dataset()));

    assertThat(datasets.of("t1", run))
        .containsExactly(
            new RunDataset(
                readStep, "Read", "test.step", "written", read.dataset(), "order", 25L, true),
            new RunDataset(mapStep, "Map", "test.step", "read", read.dataset(), "order", 25L, true),
            new RunDataset(
                mapStep,
                "Map",
                "test.step",
                "written",
                mapped.dataset(),
                "purchaseOrder",
                24L,
                true));
  }

  @Test
  void aDatasetDeletedByRetentionIsExpiredAndAnotherRunsIsUnknown() {
    UUID run = insertRun("t1");
    DatasetRef kept = write("t1", run, "order", 3);
    DatasetRef deleted = write("t1", run, "order", 3);
    insertLedgerRow(run, "Read", List.of(), List.of(kept.dataset(), deleted.dataset()));
    jdbi.useHandle(
        h -> h.execute("delete from dataset where id = ?", UUID.fromString(deleted.dataset())));
    DatasetRef elsewhere = write("t1", insertRun("t1"), "order", 1);

    assertThat(datasets.find("t1", run, kept.dataset()))
        .isEqualTo(new DatasetLookup.Stored(UUID.fromString(kept.dataset()), "order", 3));
    assertThat(datasets.find("t1", run, deleted.dataset()))
        .isEqualTo(new DatasetLookup.Expired(deleted.dataset()));
    assertThat(datasets.find("t1", run, elsewhere.dataset()))
        .isInstanceOf(DatasetLookup.Unknown.class);
    assertThat(datasets.of("t1", run))
        .filteredOn(d -> d.dataset().equals(deleted.dataset()))
        .singleElement()
        .satisfies(d -> assertThat(d.available()).isFalse());
  }

  @Test
  void anotherTenantSeesNoneOfTheRunsDatasets() {
    UUID run = insertRun("t1");
    DatasetRef read = write("t1", run, "order", 2);
    insertLedgerRow(run, "Read", List.of(), List.of(read.dataset()));

    assertThat(datasets.of("t2", run)).isEmpty();
    assertThat(datasets.find("t2", run, read.dataset())).isInstanceOf(DatasetLookup.Unknown.class);
  }

  @Test
  void linesStopWhereTheVisitorStopsAndOtherwiseCoverEveryChunk() throws IOException {
    UUID run = insertRun("t1");
    DatasetRef ref = write("t1", run, "order", 25);
    List<String> first = new ArrayList<>();
    lines.forEach(UUID.fromString(ref.dataset()), line -> first.add(line) && first.size() < 12);
    List<String> all = new ArrayList<>();
    lines.forEach(UUID.fromString(ref.dataset()), all::add);

    assertThat(first).hasSize(12);
    assertThat(all).hasSize(25).startsWith(first.toArray(String[]::new));
    assertThat(all.getLast()).isEqualTo("{\"key\":\"k24\",\"note\":\"line 24\"}");
  }

  @Test
  void csvHasAColumnForEveryFieldAnyRecordHasAndQuotesWhatNeedsIt() throws IOException {
    List<String> records =
        List.of(
            "{\"id\":\"1\",\"name\":\"Bolt, M8\"}",
            "{\"id\":\"2\",\"qty\":4,\"lines\":[{\"n\":1}]}",
            "{\"id\":\"3\",\"name\":\"say \\\"hi\\\"\",\"qty\":null}");
    StringWriter out = new StringWriter();
    DatasetCsv.write(
        visitor -> {
          for (String record : records) {
            visitor.visit(record);
          }
        },
        out);

    assertThat(out.toString())
        .isEqualTo(
            "id,name,qty,lines\r\n"
                + "1,\"Bolt, M8\",,\r\n"
                + "2,,4,\"[{\"\"n\"\":1}]\"\r\n"
                + "3,\"say \"\"hi\"\"\",,\r\n");
  }

  private DatasetRef write(String tenant, UUID run, String entity, int count) {
    try (DatasetWriter writer = store.forRun(tenant, run).create(entity)) {
      IntStream.range(0, count).forEach(i -> writer.add(new Row("k" + i, "line " + i)));
      return writer.finish();
    }
  }

  private static UUID insertRun(String tenant) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
            values (:id, :tenant, 'test', :key, 'f', 'completed', 'api')""")
                .bind("id", id)
                .bind("tenant", tenant)
                .bind("key", String.valueOf(id.getMostSignificantBits()))
                .execute());
    return id;
  }

  private static UUID insertLedgerRow(UUID run, String element, List<String> in, List<String> out) {
    UUID stepRun = UUID.randomUUID();
    String contribution =
        "{\"elementId\":\""
            + element
            + "\",\"datasetsIn\":"
            + json(in)
            + ",\"datasetsOut\":"
            + json(out)
            + "}";
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into step_ledger (run_id, element_instance_key, step_run_id, element_id, step_type, contribution, recorded_at)
            values (:run, :key, :stepRun, :element, 'test.step', cast(:contribution as jsonb), clock_timestamp())""")
                .bind("run", run)
                .bind("key", stepRun.toString())
                .bind("stepRun", stepRun)
                .bind("element", element)
                .bind("contribution", contribution)
                .execute());
    return stepRun;
  }

  private static String json(List<String> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").toList().toString().replace(" ", "");
  }
}
