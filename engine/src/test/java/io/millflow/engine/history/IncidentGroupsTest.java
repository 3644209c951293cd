package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runs at an incident grouped by what stopped them, on a real state store. */
class IncidentGroupsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-incident-groups-test");

  private static Jdbi jdbi;
  private static IncidentGroups groups;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
    groups = new IncidentGroups(jdbi);
  }

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void runsStoppedByOneCauseMakeOneGroupWhateverTheIdsInTheirMessages() {
    UUID first =
        incident(
            "orders", 1, "REAUTH_REQUIRED", "ReadOrders", "Plex refused the key (request 81234)");
    UUID second =
        incident(
            "vendors", 5, "REAUTH_REQUIRED", "ReadOrders", "Plex refused the key (request 99120)");
    incident("orders", 3, "REAUTH_REQUIRED", "WriteOrders", "Plex refused the key (request 1)");
    incident("orders", 4, null, "ReadOrders", "Plex answered 503 for run " + UUID.randomUUID());
    run("orders", "completed");

    IncidentGroups.Page page = groups.page(tenant, 10, 0);

    assertThat(page.total()).isEqualTo(3);
    IncidentGroups.IncidentGroup biggest = page.groups().getFirst();
    assertThat(biggest.runs()).isEqualTo(2);
    assertThat(biggest.errorCode()).isEqualTo("REAUTH_REQUIRED");
    assertThat(biggest.elementId()).isEqualTo("ReadOrders");
    assertThat(biggest.stepType()).isEqualTo("plex.purchase-orders.read");
    assertThat(biggest.flows()).containsExactlyInAnyOrder("orders", "vendors");
    assertThat(biggest.oldestAt()).isEqualTo(at(1));
    assertThat(biggest.newestAt()).isEqualTo(at(5));
    assertThat(biggest.message()).isEqualTo("Plex refused the key (request 99120)");
    assertThat(groups.runsOf(tenant, biggest.key(), 10)).containsExactly(first, second);
    assertThat(groups.runsOf(tenant, biggest.key(), 1)).containsExactly(first);
  }

  @Test
  void pagesTheGroupsMostRunsFirst() {
    incident("orders", 1, "A", "Read", "one");
    incident("orders", 2, "B", "Read", "two");
    incident("orders", 3, "B", "Read", "two");

    IncidentGroups.Page second = groups.page(tenant, 1, 1);

    assertThat(second.total()).isEqualTo(2);
    assertThat(second.groups())
        .extracting(IncidentGroups.IncidentGroup::errorCode)
        .containsExactly("A");
  }

  @Test
  void aPagePastTheEndIsEmptyAndStillCountsTheGroups() {
    incident("orders", 1, "A", "Read", "one");
    incident("orders", 2, "B", "Read", "two");

    IncidentGroups.Page pastTheEnd = groups.page(tenant, 10, 5);

    assertThat(pastTheEnd.groups()).isEmpty();
    assertThat(pastTheEnd.total()).isEqualTo(2);
    assertThat(groups.page("other-" + tenant, 10, 0).total()).isZero();
  }

  @Test
  void seesNoIncidentOfAnotherTenantNorItsRunsByKey() {
    incident("orders", 1, "A", "Read", "one");
    String key = groups.page(tenant, 10, 0).groups().getFirst().key();

    assertThat(groups.page("other-" + tenant, 10, 0).groups()).isEmpty();
    assertThat(groups.runsOf("other-" + tenant, key, 10)).isEmpty();
  }

  private UUID incident(String flow, int minute, String code, String element, String error) {
    UUID runId = run(flow, "incident");
    jdbi.useHandle(
        h -> {
          h.createUpdate("update flow_run set error = :error, incident_at = :at where id = :id")
              .bind("error", error)
              .bind("at", at(minute))
              .bind("id", runId)
              .execute();
          h.createUpdate(
                  """
                  insert into step_run (id, run_id, element_id, element_instance_key, step_type, job_key, attempt,
                    status, started_at, ended_at, error_code, error)
                  values (:id, :run, :element, '1', 'plex.purchase-orders.read', :job, 1, 'failed', :at, :at,
                    :code, :error)""")
              .bind("id", UUID.randomUUID())
              .bind("run", runId)
              .bind("element", element)
              .bind("job", "job-" + runId)
              .bind("at", at(minute))
              .bind("code", code)
              .bind("error", error)
              .execute();
        });
    return runId;
  }

  private UUID run(String flow, String status) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by,
                      started_at)
                    values (:id, :tenant, 'test', :key, :flow, :status, 'api', :at)""")
                .bind("id", id)
                .bind("tenant", tenant)
                .bind("key", "key-" + id)
                .bind("flow", flow)
                .bind("status", status)
                .bind("at", T0)
                .execute());
    return id;
  }

  private static Instant at(int minute) {
    return T0.plusSeconds(60L * minute);
  }
}
