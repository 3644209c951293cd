package io.millflow.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backfill or refresh request binds to the one run that carries it out, and to no other. */
class SyncModesTest {

  private static final SyncMode.Backfill JANUARY =
      new SyncMode.Backfill(
          Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-sync-modes-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final SyncModes modes = new SyncModes(jdbi);

  @Test
  void aRequestBindsToItsRunAndTellsItsWindowAgainAndAgain() {
    UUID run = run("flow");
    UUID request = modes.request("t", "flow", JANUARY);

    assertThat(modes.bind(request, "t", "flow", run)).contains(JANUARY);
    assertThat(modes.bind(request, "t", "flow", run)).contains(JANUARY);
    assertThat(modes.of(run)).isEqualTo(JANUARY);
  }

  @Test
  void aRequestAlreadyCarriedOutByOneRunMeansNothingToAnother() {
    UUID request = modes.request("t", "flow", new SyncMode.Refresh());
    modes.bind(request, "t", "flow", run("flow"));
    UUID other = run("flow");

    assertThat(modes.bind(request, "t", "flow", other)).isEmpty();
    assertThat(modes.of(other)).isEqualTo(new SyncMode.Incremental());
  }

  @Test
  void aRequestOfAnotherFlowOrTenantMeansNothing() {
    UUID request = modes.request("t", "flow", JANUARY);

    assertThat(modes.bind(request, "t", "other-flow", run("other-flow"))).isEmpty();
    assertThat(modes.bind(request, "other-tenant", "flow", run("flow"))).isEmpty();
  }

  @Test
  void aRunWithoutARequestReadsIncrementally() {
    assertThat(modes.of(run("flow"))).isEqualTo(new SyncMode.Incremental());
    assertThat(SyncModes.requestId("not-a-uuid")).isEmpty();
    assertThat(SyncModes.requestId(42)).isEmpty();
  }

  private static UUID run(String flowId) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
            values (:id, 't', 'test', :key, :flow, 'running', 'api')""")
                .bind("id", id)
                .bind("key", id.toString())
                .bind("flow", flowId)
                .execute());
    return id;
  }
}
