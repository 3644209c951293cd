package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The run list on a real state store: pages with a total, search and filters. */
class RunListTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-run-list-test");

  private static Jdbi jdbi;
  private static RunList list;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
    list = new RunList(jdbi);
  }

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void pagesNewestFirstWithTheTotalOfAllPages() {
    for (int minute = 0; minute < 5; minute++) {
      run("orders", "completed", minute, null);
    }

    RunList.Page first = list.page(tenant, filter(null, null, null, 2, 0));
    RunList.Page last = list.page(tenant, filter(null, null, null, 2, 4));

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.runs()).extracting(r -> r.startedAt()).containsExactly(at(4), at(3));
    assertThat(last.runs()).extracting(r -> r.startedAt()).containsExactly(at(0));
    assertThat(last.total()).isEqualTo(5);
  }

  @Test
  void findsARunByTheStartOfItsIdByItsInstanceKeyAndByAPartOfItsError() {
    UUID failed = run("orders", "incident", 1, "Plex answered 401 for connection 'plex-wrong-key'");
    UUID other = run("orders", "completed", 2, null);

    assertThat(ids(filter(null, null, "PLEX-WRONG", 10, 0))).containsExactly(failed);
    assertThat(ids(filter(null, null, other.toString().substring(0, 8), 10, 0)))
        .containsExactly(other);
    assertThat(ids(filter(null, null, "key-" + other, 10, 0))).containsExactly(other);
    assertThat(list.page(tenant, filter(null, null, "nothing like it", 10, 0)).total()).isZero();
  }

  @Test
  void findsARunByItsBusinessKeyInTheSearchAndExactly() {
    UUID keyed = run("orders", "completed", 1, null, "trigger:po-hook", "evt-PO-77");
    run("orders", "completed", 2, null, "trigger:po-hook", "evt-PO-78");

    assertThat(ids(filter(null, null, "evt-PO-77", 10, 0))).containsExactly(keyed);
    assertThat(ids(new RunFilter(null, null, null, null, null, null, "evt-PO-77", 10, 0)))
        .containsExactly(keyed);
    assertThat(
            list.page(tenant, new RunFilter(null, null, null, null, null, null, "evt-PO", 10, 0)))
        .extracting(RunList.Page::total)
        .isEqualTo(0L);
  }

  @Test
  void filtersByWhoStartedTheRun() {
    UUID hooked = run("orders", "completed", 1, null, "trigger:po-hook", null);
    run("orders", "completed", 2, null, "trigger:other-hook", null);
    UUID byToken = run("orders", "completed", 3, null, "token:ci", null);

    assertThat(ids(new RunFilter(null, null, null, null, null, "trigger:po-hook", null, 10, 0)))
        .containsExactly(hooked);
    assertThat(ids(new RunFilter(null, null, null, null, null, "token:ci", null, 10, 0)))
        .containsExactly(byToken);
  }

  @Test
  void answersTheStarterAndTheBusinessKeyFromAnIndexAmongManyRuns() {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  """
                  insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status,
                    started_by, started_at, business_key)
                  select gen_random_uuid(), :tenant, 'test', 'bulk-' || :tenant || '-' || n, 'orders', 'completed',
                    'trigger:hook-' || (n % 50), :at, 'evt-' || n
                  from generate_series(1, 20000) n""")
              .bind("tenant", tenant)
              .bind("at", at(0))
              .execute();
          h.execute("analyze flow_run");
        });

    assertThat(plan(new RunFilter(null, null, null, null, null, null, "evt-77", 10, 0)))
        .contains("flow_run_by_business_key");
    assertThat(plan(new RunFilter(null, null, null, null, null, "trigger:hook-7", null, 10, 0)))
        .contains("flow_run_by_starter");
  }

  @Test
  void filtersByFlowStatusAndStartTime() {
    run("orders", "completed", 1, null);
    UUID wanted = run("orders", "incident", 10, "boom");
    run("orders", "incident", 30, "boom");
    run("vendors", "incident", 10, "boom");

    RunFilter filter = new RunFilter("orders", "incident", at(5), at(20), null, null, null, 10, 0);

    assertThat(ids(filter)).containsExactly(wanted);
    assertThat(list.page(tenant, filter).total()).isEqualTo(1);
  }

  @Test
  void seesNoRunOfAnotherTenant() {
    run("orders", "completed", 1, null);

    assertThat(list.page("another-tenant-" + UUID.randomUUID(), filter(null, null, null, 10, 0)))
        .isEqualTo(new RunList.Page(java.util.List.of(), 0));
  }

  private static RunFilter filter(String flow, String status, String search, int limit, int off) {
    return new RunFilter(flow, status, null, null, search, null, null, limit, off);
  }

  private java.util.List<UUID> ids(RunFilter filter) {
    return list.page(tenant, filter).runs().stream().map(FlowRun::id).toList();
  }

  private static Instant at(int minute) {
    return T0.plusSeconds(60L * minute);
  }

  /** The state store's plan for one page of runs under the filter. */
  private String plan(RunFilter filter) {
    return jdbi.withHandle(
        h ->
            String.join(
                "\n",
                RunList.bind(h.createQuery("explain select id" + RunList.MATCHES), tenant, filter)
                    .mapTo(String.class)
                    .list()));
  }

  private UUID run(String flow, String status, int minute, String error) {
    return run(flow, status, minute, error, "api", null);
  }

  private UUID run(
      String flow, String status, int minute, String error, String startedBy, String businessKey) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status,
                      started_by, started_at, error, business_key)
                    values (:id, :tenant, 'test', :key, :flow, :status, :startedBy, :at, :error, :businessKey)""")
                .bind("id", id)
                .bind("tenant", tenant)
                .bind("key", "key-" + id)
                .bind("flow", flow)
                .bind("status", status)
                .bind("at", at(minute))
                .bind("error", error)
                .bind("startedBy", startedBy)
                .bind("businessKey", businessKey)
                .execute());
    return id;
  }
}
