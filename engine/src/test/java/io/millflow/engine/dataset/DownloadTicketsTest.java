package io.millflow.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One-time download tickets on a real state store. */
class DownloadTicketsTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-download-tickets-test");

  private static Jdbi jdbi;
  private static DownloadTickets tickets;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
    tickets = new DownloadTickets(jdbi);
  }

  @Test
  void aTicketOpensItsDatasetOnceThenIsUsed() {
    UUID run = run("tenant-a");
    DownloadTickets.Ticket ticket = tickets.issue("tenant-a", run, "ds-1", "csv");

    assertThat(tickets.redeem(ticket.value(), run, "ds-1"))
        .isEqualTo(
            new DownloadTickets.Granted(new DownloadTickets.Grant("tenant-a", run, "ds-1", "csv")));
    assertThat(tickets.redeem(ticket.value(), run, "ds-1"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.USED));
  }

  @Test
  void anExpiredTicketOpensNothing() {
    UUID run = run("tenant-a");
    DownloadTickets.Ticket ticket = tickets.issue("tenant-a", run, "ds-1", "jsonl", Duration.ZERO);

    assertThat(tickets.redeem(ticket.value(), run, "ds-1"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.EXPIRED));
  }

  @Test
  void anotherTenantsTicketDoesNotOpenThisTenantsDatasetAndStaysValidForItsOwn() {
    UUID ours = run("tenant-a");
    UUID theirs = run("tenant-b");
    DownloadTickets.Ticket theirTicket = tickets.issue("tenant-b", theirs, "ds-b", "jsonl");

    assertThat(tickets.redeem(theirTicket.value(), ours, "ds-b"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.OTHER_DATASET));
    assertThat(tickets.redeem(theirTicket.value(), theirs, "ds-other"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.OTHER_DATASET));
    assertThat(tickets.redeem(theirTicket.value(), theirs, "ds-b"))
        .isInstanceOf(DownloadTickets.Granted.class);
  }

  @Test
  void aTicketIsRandomAndOnlyItsHashIsKept() {
    UUID run = run("tenant-a");
    DownloadTickets.Ticket one = tickets.issue("tenant-a", run, "ds-1", "csv");
    DownloadTickets.Ticket two = tickets.issue("tenant-a", run, "ds-1", "csv");

    assertThat(java.util.Base64.getUrlDecoder().decode(one.value())).hasSize(32);
    assertThat(one.value()).isNotEqualTo(two.value());
    assertThat(tickets.redeem("not-a-ticket", run, "ds-1"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.UNKNOWN));
    assertThat(tickets.redeem(null, run, "ds-1"))
        .isEqualTo(new DownloadTickets.Refused(DownloadTickets.Refusal.UNKNOWN));
    long holding =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select count(*) from download_ticket"
                            + " where position(convert_to(:t, 'UTF8') in ticket_hash) > 0")
                    .bind("t", one.value())
                    .mapTo(Long.class)
                    .one());
    assertThat(holding).isZero();
  }

  private static UUID run(String tenant) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
                    values (:id, :tenant, 'test', :key, 'orders', 'completed', 'api')""")
                .bind("id", id)
                .bind("tenant", tenant)
                .bind("key", "key-" + id)
                .execute());
    return id;
  }
}
