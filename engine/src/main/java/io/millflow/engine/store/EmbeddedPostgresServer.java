package io.millflow.engine.store;

import io.millflow.engine.config.MillflowConfig.EmbeddedDurability;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL server from the zonky binaries, its data kept under the data directory so it
 * survives restarts. Only Millflow's OS user gets in: logins need a password (SCRAM-SHA-256,
 * loopback only), the superuser's is generated once into {@value #SUPERUSER_PASSWORD_FILE}
 * (owner-only), and the server's folders are owner-only. Commits are durable unless {@code
 * millflow.db.embedded-durability} says otherwise. Databases: {@code millflow} for the state store,
 * {@code warehouse} for the example sink, owned by a role of its own that is no superuser.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String SUPERUSER = "postgres";
  static final String SUPERUSER_PASSWORD_FILE = "postgres.password";
  static final String WAREHOUSE_PASSWORD_FILE = "warehouse.password";
  static final String STATE_DATABASE = "millflow";
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

  /**
   * Room for crash recovery after a kill, which replays the write-ahead log before the server
   * answers.
   */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final String superuserPassword;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, Path dataDir, String superuserPassword) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.superuserPassword = superuserPassword;
  }

  public static EmbeddedPostgresServer start(Path dataDir, EmbeddedDurability durability) {
    try {
      Path pgData = ownerOnlyDirectory(dataDir.resolve("postgres"));
      Path runtime = ownerOnlyDirectory(dataDir.resolve("postgres-runtime"));
      OrphanPostmaster.stopIfRunning(pgData);
      boolean initialized =
          Files.exists(pgData.resolve("postgresql.conf")); // zonky runs initdb when it is absent
      // A new directory is secured by initdb; one of an earlier Millflow (trust) once it has
      // started, below.
      boolean secured = !initialized || HostBasedAuthentication.isWritten(pgData);
      Path passwordFile = dataDir.resolve(SUPERUSER_PASSWORD_FILE);
      if (initialized && secured && !Files.exists(passwordFile)) {
        throw new IllegalStateException(
            "The embedded PostgreSQL in "
                + pgData
                + " needs the password in "
                + passwordFile
                + ", which is missing: restore it from the backup of the data directory.");
      }
      String password = PasswordFile.readOrCreate(passwordFile);
      EmbeddedPostgres.Builder builder = builder(pgData, runtime, passwordFile, password);
      if (secured) {
        builder.setDataDirectoryCustomizer(
            directory -> HostBasedAuthentication.write(directory.toPath()));
      }
      commits(builder, durability);
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(builder.start(), dataDir, password);
      ownerOnlyDirectory(runtime); // zonky makes its working directory writable by everyone
      if (!secured) {
        server.requirePassword(pgData, passwordFile);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Embedded PostgreSQL did not start with data in " + dataDir, e);
    }
  }

  /**
   * The state store's database, {@value #STATE_DATABASE}, which only the superuser may connect to.
   */
  public DatabaseLogin stateStore() {
    try (Connection connection = superuser("postgres");
        Statement sql = connection.createStatement()) {
      createDatabaseIfAbsent(connection, STATE_DATABASE, SUPERUSER);
      sql.execute("revoke all on database " + STATE_DATABASE + " from public");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not prepare the state store's database in embedded PostgreSQL", e);
    }
    return new DatabaseLogin(jdbcUrl(STATE_DATABASE), SUPERUSER, superuserPassword);
  }

  /** The example warehouse: its database and its role (no superuser), with the role's password. */
  public DatabaseLogin warehouse() {
    String password = PasswordFile.readOrCreate(dataDir.resolve(WAREHOUSE_PASSWORD_FILE));
    try (Connection postgresDb = superuser("postgres")) {
      WarehouseDatabase.prepareRole(postgresDb, password);
      createDatabaseIfAbsent(postgresDb, WarehouseDatabase.NAME, WarehouseDatabase.ROLE);
      WarehouseDatabase.prepareDatabase(postgresDb);
      try (Connection warehouseDb = superuser(WarehouseDatabase.NAME)) {
        WarehouseDatabase.handOverObjects(warehouseDb);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not prepare the warehouse database in embedded PostgreSQL", e);
    }
    return new DatabaseLogin(jdbcUrl(WarehouseDatabase.NAME), WarehouseDatabase.ROLE, password);
  }

  public int port() {
    return postgres.getPort();
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** A connection as the superuser to {@code database}, with the password. */
  private Connection superuser(String database) throws SQLException {
    DataSource source = postgres.getDatabase(SUPERUSER, database);
    return source.getConnection();
  }

  /**
   * A data directory of an earlier Millflow trusted every local login: its superuser gets the
   * password now, and the server asks for it from here on.
   */
  private void requirePassword(Path pgData, Path passwordFile) {
    try (Connection connection = superuser("postgres");
        Statement sql = connection.createStatement()) {
      connection
          .unwrap(PGConnection.class)
          .alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
      HostBasedAuthentication.write(pgData);
      sql.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not give the embedded PostgreSQL's superuser a password", e);
    }
    LOG.warnf(
        "The embedded PostgreSQL in %s trusted every local login (made by an earlier Millflow): it now asks for"
            + " a password (SCRAM-SHA-256), kept in %s. Back that file up with the data directory.",
        pgData, passwordFile);
  }

  private static EmbeddedPostgres.Builder builder(
      Path pgData, Path runtime, Path passwordFile, String password) {
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(runtime.toFile())
        .setPGStartupWait(STARTUP_WAIT)
        // Millflow stops it last, after the workers (StateStore); zonky's own hook stopped it at
        // the
        // first signal, under the attempts still running.
        .setRegisterShutdownHook(false)
        .setConnectConfig("password", password)
        // Passed to initdb only (zonky's "locale" options are initdb's): a new data directory gets
        // the superuser's password and password logins from the start (these come after zonky's "-A
        // trust" and override it).
        .setLocaleConfig("pwfile", passwordFile.toString())
        .setLocaleConfig("auth-host", "scram-sha-256")
        .setLocaleConfig("auth-local", "scram-sha-256");
  }

  private static void commits(EmbeddedPostgres.Builder builder, EmbeddedDurability durability) {
    switch (durability) {
      // zonky starts the server with -F (fsync off) and synchronous_commit off; these come after
      // and win
      case DURABLE ->
          builder
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on");
      case UNSAFE -> {
        builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
        LOG.warn(
            "millflow.db.embedded-durability=unsafe: the embedded PostgreSQL runs with fsync and"
                + " synchronous_commit off. An OS crash or power loss may lose runs, webhooks and tokens already answered"
                + " as stored, and may corrupt the data directory. For development only.");
      }
    }
  }

  private static void createDatabaseIfAbsent(Connection connection, String database, String owner)
      throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery();
          Statement create = connection.createStatement()) {
        if (!rows.next()) {
          create.execute(
              "create database "
                  + database
                  + " owner "
                  + owner); // names are this class's constants
        }
      }
    }
  }

  private static Path ownerOnlyDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    return directory;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
