package io.millflow.engine.store;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * With millflow.db.url set, no embedded PostgreSQL starts and the run history lives in the server
 * given.
 */
@QuarkusTest
@WithTestResource(value = ExternalPostgres.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ExternalStateStoreTest {

  @Inject StateStore store;

  @Test
  void keepsTheRunHistoryInTheConfiguredServer() {
    JsonPath run = awaitRunEnd(startRun("plex-po-to-postgres"));

    assertThat(store.embeddedServer()).isEmpty();
    assertThat(run.getString("run.status")).isEqualTo("completed");
    Jdbi external = Jdbi.create(ExternalPostgres.server.getPostgresDatabase());
    String status =
        external.withHandle(
            h ->
                h.createQuery("select status from flow_run where id = :id")
                    .bind("id", UUID.fromString(run.getString("run.id")))
                    .mapTo(String.class)
                    .one());
    assertThat(status).isEqualTo("completed");
    int orders =
        external.withHandle(
            h -> h.createQuery("select count(*) from purchase_order").mapTo(Integer.class).one());
    assertThat(orders).isPositive();
  }
}
