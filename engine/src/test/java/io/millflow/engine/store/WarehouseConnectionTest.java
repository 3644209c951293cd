package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.StepConnections;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The probe that found this: {@code select pg_read_file('<data-dir>/master.key')} through the
 * built-in {@code warehouse} connection read the master key. The connection's role is no superuser
 * now: PostgreSQL refuses.
 */
@QuarkusTest
class WarehouseConnectionTest {

  @Inject SandboxLauncher sandboxes;
  @Inject StepConnections connections;
  @Inject MillflowConfig config;

  @Test
  void cannotReadTheMasterKeyOrRunProgramsThroughTheWarehouseConnection() {
    sandboxes.start();
    Connection warehouse =
        connections.resolve(config.tenant(), SandboxLauncher.WAREHOUSE_CONNECTION);
    Jdbi sql =
        Jdbi.create(
            warehouse.setting("jdbcUrl"),
            warehouse.credential("username"),
            warehouse.credential("password"));
    String masterKey = config.dataDir().toAbsolutePath().resolve("master.key").toString();

    assertPermissionDenied(sql, "select pg_read_file('" + masterKey + "')");
    assertPermissionDenied(sql, "copy (select 1) to program 'id'");
    boolean superuser =
        sql.withHandle(
            h ->
                h.createQuery("select rolsuper from pg_roles where rolname = current_user")
                    .mapTo(Boolean.class)
                    .one());
    assertThat(superuser).isFalse();
  }

  private static void assertPermissionDenied(Jdbi sql, String statement) {
    assertThatThrownBy(() -> sql.useHandle(h -> h.execute(statement)))
        .rootCause()
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
  }
}
