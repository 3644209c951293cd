package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.config.MillflowConfig.EmbeddedDurability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example warehouse's role can do anything in its own database and nothing only a superuser
 * may: the probe that read the master key through the built-in {@code warehouse} connection ({@code
 * select pg_read_file(...)}) is refused by PostgreSQL, and so are the other ways out of the
 * database.
 */
class WarehouseRoleTest {

  private static final String PERMISSION_DENIED = "42501";

  @TempDir static Path dataDir;
  private static EmbeddedPostgresServer server;
  private static Jdbi warehouse;
  private static DatabaseLogin stateStore;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(
        dataDir.resolve("master.key"), "not the real key, but where the real one lives\n");
    server = EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE);
    stateStore = server.stateStore();
    DatabaseLogin login = server.warehouse();
    warehouse = Jdbi.create(login.jdbcUrl(), login.username(), login.password());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void cannotReadTheServersFiles() {
    String masterKey = dataDir.resolve("master.key").toAbsolutePath().toString();

    assertRefused("select pg_read_file('" + masterKey + "')");
    assertRefused("select pg_read_binary_file('" + masterKey + "')");
    assertRefused("select pg_ls_dir('" + dataDir.toAbsolutePath() + "')");
    assertRefused(
        "create temporary table stolen (line text); copy stolen from '" + masterKey + "'");
  }

  @Test
  void cannotRunProgramsOrWriteFiles() {
    assertRefused("create temporary table output (line text); copy output from program 'id'");
    assertRefused(
        "copy (select 1) to '" + dataDir.resolve("written-by-warehouse").toAbsolutePath() + "'");
    assertThat(dataDir.resolve("written-by-warehouse")).doesNotExist();
  }

  @Test
  void isNoSuperuserAndHoldsNoPowerfulRole() {
    Map<String, Object> role =
        warehouse.withHandle(
            h ->
                h.createQuery(
                        """
        select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
          pg_has_role(current_user, 'pg_read_server_files', 'member') as read_files,
          pg_has_role(current_user, 'pg_write_server_files', 'member') as write_files,
          pg_has_role(current_user, 'pg_execute_server_program', 'member') as run_programs,
          (select count(*) from pg_auth_members where member = r.oid) as memberships
        from pg_roles r where rolname = current_user""")
                    .mapToMap()
                    .one());

    assertThat(role)
        .containsEntry("rolsuper", false)
        .containsEntry("rolcreaterole", false)
        .containsEntry("rolcreatedb", false)
        .containsEntry("rolreplication", false)
        .containsEntry("rolbypassrls", false)
        .containsEntry("read_files", false)
        .containsEntry("write_files", false)
        .containsEntry("run_programs", false)
        .containsEntry("memberships", 0L);
    assertRefused("create role intruder superuser");
  }

  @Test
  void ownsItsDatabaseAndCannotEnterTheStateStore() {
    warehouse.useHandle(
        h -> {
          h.execute("create table if not exists owned_here (id int)");
          h.execute("insert into owned_here values (1)");
        });
    String owner =
        warehouse.withHandle(
            h ->
                h.createQuery(
                        "select datdba::regrole::text from pg_database"
                            + " where datname = current_database()")
                    .mapTo(String.class)
                    .one());
    assertThat(owner).isEqualTo("warehouse");

    DatabaseLogin login = server.warehouse();
    assertThatThrownBy(
            () ->
                Jdbi.create(stateStore.jdbcUrl(), login.username(), login.password())
                    .useHandle(h -> h.execute("select 1")))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessageContaining("permission denied");
  }

  private static void assertRefused(String sql) {
    assertThatThrownBy(
            () ->
                warehouse.useHandle(
                    (Handle h) -> h.createScript(sql).executeAsSeparateStatements()))
        .rootCause()
        .isInstanceOfSatisfying(
            SQLException.class,
            e ->
                assertThat(e.getSQLState())
                    .as("SQLSTATE of %s: %s", sql, e.getMessage())
                    .isEqualTo(PERMISSION_DENIED));
  }
}
