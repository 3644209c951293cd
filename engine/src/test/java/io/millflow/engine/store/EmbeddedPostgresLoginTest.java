package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.config.MillflowConfig.EmbeddedDurability;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server lets in only who has the password: no trusted login for any local user, the
 * superuser's password generated once into an owner-only file, owner-only folders; and a data
 * directory an earlier Millflow left trusting everyone asks for the password from its next start.
 */
class EmbeddedPostgresLoginTest {

  @TempDir Path dataDir;

  @Test
  void refusesTheSuperuserWithoutThePasswordAndLetsItInWithIt() throws Exception {
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      DatabaseLogin login = server.stateStore();

      assertThatThrownBy(
              () -> DriverManager.getConnection(login.jdbcUrl(), "postgres", null).close())
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(login.jdbcUrl(), "postgres", "not-the-password")
                      .close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(
                          login.jdbcUrl().replace("/millflow", "/postgres"), "postgres", "")
                      .close())
          .isInstanceOf(SQLException.class);
      String password = Files.readString(dataDir.resolve("postgres.password")).strip();
      assertThat(login.password()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(40);
      Jdbi superuser = Jdbi.create(login.jdbcUrl(), "postgres", password);
      String user =
          superuser.withHandle(h -> h.createQuery("select current_user").mapTo(String.class).one());
      assertThat(user).isEqualTo("postgres");
      List<String> methods =
          superuser.withHandle(
              h ->
                  h.createQuery("select distinct auth_method from pg_hba_file_rules")
                      .mapTo(String.class)
                      .list());
      assertThat(methods).containsExactly("scram-sha-256");
      String verifier =
          superuser.withHandle(
              h ->
                  h.createQuery("select rolpassword from pg_authid where rolname = 'postgres'")
                      .mapTo(String.class)
                      .one());
      assertThat(verifier).startsWith("SCRAM-SHA-256$");
    }
  }

  @Test
  void keepsThePasswordsAndFoldersOwnerOnly() throws Exception {
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      server.warehouse();

      assertThat(permissions("postgres.password")).isEqualTo("rw-------");
      assertThat(permissions("warehouse.password")).isEqualTo("rw-------");
      assertThat(permissions("postgres")).isEqualTo("rwx------");
      assertThat(permissions("postgres-runtime")).isEqualTo("rwx------");
      assertThat(permissions("postgres/pg_hba.conf")).isEqualTo("rw-------");
    }
  }

  @Test
  void keepsThePasswordsAcrossRestarts() {
    String first;
    String warehouse;
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      first = server.stateStore().password();
      warehouse = server.warehouse().password();
    }
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      DatabaseLogin login = server.stateStore();
      assertThat(login.password()).isEqualTo(first);
      assertThat(currentUser(login)).isEqualTo("postgres");
      DatabaseLogin warehouseLogin = server.warehouse();
      assertThat(warehouseLogin.password()).isEqualTo(warehouse);
      assertThat(currentUser(warehouseLogin)).isEqualTo("warehouse");
    }
  }

  @Test
  void asksForThePasswordInADataDirectoryThatTrustedEveryLogin() throws Exception {
    Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
    try (EmbeddedPostgres earlier =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(dataDir.resolve("postgres-runtime").toFile())
            .start()) {
      Jdbi trusted = Jdbi.create(earlier.getPostgresDatabase());
      trusted.useHandle(h -> h.execute("create database warehouse"));
      Jdbi.create(earlier.getDatabase("postgres", "warehouse"))
          .useHandle(h -> h.execute("create table purchase_order (id int primary key)"));
    }

    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      DatabaseLogin login = server.stateStore();
      assertThatThrownBy(
              () -> DriverManager.getConnection(login.jdbcUrl(), "postgres", null).close())
          .isInstanceOf(SQLException.class);
      assertThat(currentUser(login)).isEqualTo("postgres");
      DatabaseLogin warehouse = server.warehouse();
      Jdbi asWarehouse =
          Jdbi.create(warehouse.jdbcUrl(), warehouse.username(), warehouse.password());
      asWarehouse.useHandle(h -> h.execute("insert into purchase_order values (1)"));
      String owner =
          asWarehouse.withHandle(
              h ->
                  h.createQuery(
                          "select tableowner from pg_tables where tablename = 'purchase_order'")
                      .mapTo(String.class)
                      .one());
      assertThat(owner).isEqualTo("warehouse");
    }
    try (EmbeddedPostgresServer again =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(again.stateStore().jdbcUrl(), "postgres", null)
                      .close())
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void saysWhatToRestoreWhenThePasswordFileIsGone() throws Exception {
    EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE).close();
    Files.delete(dataDir.resolve("postgres.password"));

    assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("postgres.password")
        .hasMessageContaining("restore it");
  }

  static String currentUser(DatabaseLogin login) {
    return Jdbi.create(login.jdbcUrl(), login.username(), login.password())
        .withHandle(h -> h.createQuery("select current_user").mapTo(String.class).one());
  }

  private String permissions(String path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(path)));
  }
}
