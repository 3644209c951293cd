package io.millflow.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a run's end commits its staged cursors, by the run's kind, on a real state store. */
class SyncCursorsTest {

  private static final String TENANT = "t";
  private static final String READ = "ReadOrders";
  private static final String CONNECTION = "plex";

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-sync-cursors-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final SyncModes modes = new SyncModes(jdbi);
  private final SyncCursors cursors = new SyncCursors(jdbi, modes);
  private final String flow = "flow-" + UUID.randomUUID();

  @Test
  void aPlainRunCommitsItsCursorAndTheNextMovesItForwards() {
    assertThat(completed(plainRun(), "2026-03-01T10:00:00Z")).isEqualTo(1);
    UUID later = plainRun();
    assertThat(completed(later, "2026-03-01T11:00:00Z")).isEqualTo(1);

    assertThat(committed()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(cursors.list(TENANT, flow))
        .singleElement()
        .satisfies(c -> assertThat(c.runId()).isEqualTo(later));
  }

  @Test
  void aBackfillCommitsNoCursorAndDropsWhatItStaged() {
    completed(plainRun(), "2026-03-01T10:00:00Z");
    UUID backfill =
        run(
            new SyncMode.Backfill(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));

    assertThat(completed(backfill, "2026-01-01T23:00:00Z")).isZero();

    assertThat(committed()).isEqualTo("2026-03-01T10:00:00Z");
    int staged =
        jdbi.withHandle(
            h ->
                h.createQuery("select count(*) from sync_cursor_staged where run_id = :run")
                    .bind("run", backfill)
                    .mapTo(Integer.class)
                    .one());
    assertThat(staged).isZero();
  }

  @Test
  void aBackfillOfAFlowNeverSyncedLeavesItWithoutACursor() {
    completed(
        run(
            new SyncMode.Backfill(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"))),
        "2026-01-01T23:00:00Z");

    assertThat(cursors.committed(TENANT, flow, READ, CONNECTION)).isEmpty();
  }

  @Test
  void aRefreshThatCompletesAfterANewerRunLeavesTheNewerCursor() {
    UUID refresh = run(new SyncMode.Refresh());
    cursors.stage(refresh, READ, CONNECTION, "2026-03-01T09:00:00Z");
    UUID scheduled = plainRun();
    completed(scheduled, "2026-03-01T10:00:00Z");

    assertThat(cursors.commit(refresh)).isZero();

    assertThat(committed()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(cursors.list(TENANT, flow))
        .singleElement()
        .satisfies(c -> assertThat(c.runId()).isEqualTo(scheduled));
  }

  @Test
  void aRefreshThatReadsFurtherMovesTheCursor() {
    completed(plainRun(), "2026-03-01T10:00:00Z");

    assertThat(completed(run(new SyncMode.Refresh()), "2026-03-01T10:30:00Z")).isEqualTo(1);

    assertThat(committed()).isEqualTo("2026-03-01T10:30:00Z");
  }

  @Test
  void numericCursorsMoveByValueNotByText() {
    completed(plainRun(), "99");
    completed(plainRun(), "100");
    completed(run(new SyncMode.Refresh()), "42");

    assertThat(committed()).isEqualTo("100");
  }

  @Test
  void anOpaqueCursorIsSetByTheRunThatCompletesLast() {
    completed(plainRun(), "token-b");
    completed(run(new SyncMode.Refresh()), "token-a");

    assertThat(committed()).isEqualTo("token-a");
  }

  @Test
  void runsCommittingAtTheSameTimeLeaveTheNewestCursor() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = flow + "-" + round;
      UUID older = run(key, null);
      UUID newer = run(key, null);
      cursors.stage(older, READ, CONNECTION, "2026-03-01T10:00:00Z");
      cursors.stage(newer, READ, CONNECTION, "2026-03-01T10:00:01Z");
      CyclicBarrier together = new CyclicBarrier(2);
      List<CompletableFuture<Integer>> commits =
          List.of(older, newer).stream()
              .map(
                  run ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(together);
                            return cursors.commit(run);
                          }))
              .toList();
      CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).get();

      assertThat(cursors.committed(TENANT, key, READ, CONNECTION)).contains("2026-03-01T10:00:01Z");
    }
  }

  private int completed(UUID run, String cursor) {
    cursors.stage(run, READ, CONNECTION, cursor);
    return cursors.commit(run);
  }

  private String committed() {
    return cursors.committed(TENANT, flow, READ, CONNECTION).orElseThrow();
  }

  private UUID plainRun() {
    return run(flow, null);
  }

  private UUID run(SyncMode mode) {
    return run(flow, mode);
  }

  /** A run of the flow; with a mode, the run a backfill or refresh request was bound to. */
  private static UUID run(String flowId, SyncMode mode) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
            values (:id, :tenant, 'test', :key, :flow, 'running', 'api')""")
                .bind("id", id)
                .bind("tenant", TENANT)
                .bind("key", id.toString())
                .bind("flow", flowId)
                .execute());
    if (mode != null) {
      SyncModes modes = new SyncModes(jdbi);
      assertThat(modes.bind(modes.request(TENANT, flowId, mode), TENANT, flowId, id))
          .contains(mode);
    }
    return id;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
