package io.millflow.engine.zeebe;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.port.ProcessEngine;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode: with an address configured, Millflow starts no engine of its own and runs flows on
 * the one given.
 */
@QuarkusTest
@WithTestResource(value = ExternalZeebe.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ClusterModeTest {

  @Inject ProcessEngine engine;
  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  @Test
  void runsTheFlowOnTheConfiguredZeebeWithoutAnEmbeddedEngine() {
    Jdbi warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
    FlowTestSupport.resetSyncState("plex-po-to-postgres");

    JsonPath run = awaitRunEnd(startRun("plex-po-to-postgres"));

    assertThat(engine).isInstanceOf(ZeebeEngine.class);
    assertThat(engine.embedded()).isFalse();
    assertThat(run.getString("run.status")).isEqualTo("completed");
    long instanceKey = Long.parseLong(run.getString("run.processInstanceKey"));
    assertThat(
            StreamSupport.stream(
                    ExternalZeebe.engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .map(Record::getValue)
                .map(ProcessInstanceRecordValue.class::cast)
                .anyMatch(v -> v.getProcessInstanceKey() == instanceKey))
        .isTrue();
    int orders =
        warehouse.withHandle(
            h -> h.createQuery("select count(*) from purchase_order").mapTo(Integer.class).one());
    assertThat(orders).isEqualTo(config.sandbox().plexPurchaseOrders());
  }

  @Test
  void saysBeforeAnyClickThatItCannotPauseSchedulesOrRetryOnTheLatestVersion() {
    given()
        .get("/api/engine")
        .then()
        .statusCode(200)
        .body("embedded", equalTo(false))
        .body("pauseSchedules.supported", equalTo(false))
        .body("pauseSchedules.reason", containsString("Camunda 8"))
        .body("retryOnLatest.supported", equalTo(false))
        .body("retryOnLatest.reason", containsString("new run"));
  }

  @Test
  void authenticatesWithTheConfiguredClientCredentials() {
    assertThat(ExternalZeebe.tokenRequests).isNotEmpty();
    assertThat(ExternalZeebe.tokenRequests.getFirst())
        .contains(
            "client_id=" + ExternalZeebe.CLIENT_ID,
            "client_secret=test-secret",
            "grant_type=client_credentials");
  }
}
