package io.millflow.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatasetStoreTest {

  record Item(String key, BigDecimal price, Instant updatedAt) {}

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-dataset-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final DatasetStore store = new PostgresDatasetStore(jdbi, 100).forRun("t1", null);

  @Test
  void readsBackEveryRecordInOrderAcrossChunks() {
    List<Item> items =
        IntStream.range(0, 1_050)
            .mapToObj(
                i ->
                    new Item(
                        "k" + i,
                        new BigDecimal("12.3400"),
                        Instant.parse("2025-01-01T00:00:00.1234567Z")))
            .toList();
    DatasetRef ref = write("item", items);

    assertThat(ref.count()).isEqualTo(1_050);
    assertThat(chunkCount(ref)).isEqualTo(11);
    try (Stream<Item> read = store.read(ref, Item.class)) {
      assertThat(read.toList()).isEqualTo(items);
    }
  }

  @Test
  void keepsRecordsGivenAsJsonTextAmongOthersInOrderAcrossChunks() {
    byte[] page =
        "[{\"key\":\"j\",\"price\":12.50,\"updatedAt\":null}]"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DatasetRef ref;
    try (DatasetWriter writer = store.create("item")) {
      for (int i = 0; i < 150; i++) {
        if (i % 2 == 0) {
          writer.addJson(page, 1, page.length - 2);
        } else {
          writer.add(new Item("k" + i, BigDecimal.ONE, null));
        }
      }
      ref = writer.finish();
    }

    assertThat(chunkCount(ref)).isEqualTo(2);
    try (Stream<Item> read = store.read(ref, Item.class)) {
      List<Item> items = read.toList();
      assertThat(items).hasSize(150);
      assertThat(items.get(0)).isEqualTo(new Item("j", new BigDecimal("12.50"), null));
      assertThat(items.get(149)).isEqualTo(new Item("k149", BigDecimal.ONE, null));
    }
  }

  @Test
  void anEmptyDatasetReadsAsNoRecords() {
    DatasetRef ref = write("item", List.of());
    try (Stream<Item> read = store.read(ref, Item.class)) {
      assertThat(read).isEmpty();
    }
  }

  @Test
  void anotherTenantCannotReadTheDataset() {
    DatasetRef ref = write("item", List.of(new Item("a", BigDecimal.ONE, null)));
    DatasetStore otherTenant = new PostgresDatasetStore(jdbi, 100).forRun("t2", null);

    assertThatThrownBy(() -> otherTenant.read(ref, Item.class))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aWriterClosedWithoutFinishingLeavesNothing() {
    try (DatasetWriter writer = store.create("item")) {
      for (int i = 0; i < 150; i++) {
        writer.add(new Item("a" + i, BigDecimal.ONE, null));
      }
    }
    assertThat(count("select count(*) from dataset where status = 'writing'")).isZero();
    assertThat(
            count(
                "select count(*) from dataset_chunk c where not exists (select 1 from dataset d where d.id = c.dataset_id)"))
        .isZero();
  }

  @Test
  void retentionDeletesDatasetsOfRunsThatEndedLongAgoAndKeepsOthers() {
    UUID oldRun = insertRun(Instant.now().minus(Duration.ofDays(10)));
    UUID recentRun = insertRun(Instant.now().minus(Duration.ofHours(1)));
    DatasetRef expired =
        new PostgresDatasetStore(jdbi, 100).forRun("t1", oldRun).create("item").finish();
    DatasetRef kept =
        new PostgresDatasetStore(jdbi, 100).forRun("t1", recentRun).create("item").finish();

    new DatasetRetention(jdbi, Duration.ofDays(7), Duration.ofHours(1)).cleanUp(Instant.now());

    assertThatThrownBy(() -> store.read(expired, Item.class)).isInstanceOf(StepFailure.class);
    try (Stream<Item> read = store.read(kept, Item.class)) {
      assertThat(read).isEmpty();
    }
  }

  private DatasetRef write(String entity, List<?> records) {
    try (DatasetWriter writer = store.create(entity)) {
      records.forEach(writer::add);
      return writer.finish();
    }
  }

  private static int count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private static int chunkCount(DatasetRef ref) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from dataset_chunk where dataset_id = cast(:id as uuid)")
                .bind("id", ref.dataset())
                .mapTo(Integer.class)
                .one());
  }

  private static UUID insertRun(Instant endedAt) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by, ended_at)
            values (:id, 't1', 'test', :key, 'f', 'completed', 'api', :ended)""")
                .bind("id", id)
                .bind("key", id.getMostSignificantBits())
                .bind("ended", endedAt)
                .execute());
    return id;
  }

  @Test
  void aNamedDatasetIsFoundAgainByALaterAttemptAndAnUnsealedOneIsWrittenAgain() {
    String name = "run-1:task-7:checkpoint:0";
    assertThat(store.named(name)).isEmpty();
    DatasetWriter killed = store.create("checkpoint", name);
    killed.add(new Item("lost", BigDecimal.ONE, Instant.parse("2025-01-01T00:00:00Z")));
    // killed -9: never finished nor closed; a retried attempt sees nothing and writes it again

    DatasetStore retried = new PostgresDatasetStore(jdbi, 100).forRun("t1", null);
    assertThat(retried.named(name)).isEmpty();
    try (DatasetWriter writer = retried.create("checkpoint", name)) {
      writer.add(new Item("done", BigDecimal.TEN, Instant.parse("2025-01-01T00:00:00Z")));
      writer.finish();
    }

    DatasetRef found = store.named(name).orElseThrow();
    assertThat(found.count()).isEqualTo(1);
    assertThat(found.entity()).isEqualTo("checkpoint");
    try (Stream<Item> read = store.read(found, Item.class)) {
      assertThat(read.map(Item::key).toList()).containsExactly("done");
    }
    assertThat(new PostgresDatasetStore(jdbi, 100).forRun("t2", null).named(name)).isEmpty();
  }
}
