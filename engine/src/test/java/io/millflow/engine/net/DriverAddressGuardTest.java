package io.millflow.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.postgres.PostgresConnection;
import io.millflow.connector.postgres.PostgresDataSources;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.StepFailure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime's PostgreSQL pools check the address each socket connects to against the outbound
 * policy for a tenant's connection, and not for the installation's own: a tenant's pool never
 * reaches the state store (though this test profile allow-lists localhost), while the sandboxes'
 * warehouse, which lives in that very server, works.
 */
@QuarkusTest
class DriverAddressGuardTest {

  private static final ConnectionKind<PostgresConnection> POSTGRES =
      ConnectionKind.of(PostgresConnection.class);

  @Inject StateStore store;
  @Inject ConnectionRegistry registry;
  @Inject PostgresDataSources postgres;
  @Inject ConnectionSockets sockets;
  @Inject MillflowConfig config;

  @Test
  void aTenantsPoolIsRefusedTheStateStoreWhereItsDriverConnects() {
    int database = store.embeddedServer().orElseThrow().port();
    Connection tenants =
        new Connection(
            "erp-" + System.nanoTime(),
            "postgres",
            Map.of("jdbcUrl", "jdbc:postgresql://localhost:" + database + "/millflow"),
            Map.of("username", "erp", "password", "not-the-store's"));

    assertThatThrownBy(() -> postgres.jdbi(tenants))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED"))
        .hasMessageContaining("state store")
        .hasMessageContaining("settings.jdbcUrl");
  }

  @Test
  void theInstallationsWarehouseIsNotCheckedAndACopyOfItIs() {
    Connection warehouse = registry.resolve(config.tenant(), SandboxLauncher.WAREHOUSE_CONNECTION);
    Integer one =
        postgres
            .jdbi(warehouse)
            .withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    assertThat(one).isEqualTo(1);
    assertThat(sockets.guard(warehouse.name(), POSTGRES.bind(warehouse))).isEmpty();

    Connection copy =
        new Connection(
            warehouse.name(),
            warehouse.type(),
            warehouse.settings(),
            Map.of("username", "warehouse", "password", "a tenant's guess"));
    assertThat(sockets.guard(copy.name(), POSTGRES.bind(copy))).isPresent();
  }
}
