package io.millflow.engine.it;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Several Millflow instances on one machine: one PostgreSQL (in the test JVM) that every instance
 * keeps its state in and writes the warehouse to, one engine (a Zeebe in a process of its own,
 * {@link ZeebeProcess}, or the embedded Operaton engine of each instance over that one PostgreSQL),
 * one Plex sandbox (in the test JVM) that every instance reads, and N packaged runtimes as workers,
 * each with its own data directory and port and all with the same master key and admin token. The
 * instances start no sandboxes of their own: they are configured like production workers, with
 * connections {@value #PLEX} and {@value #WAREHOUSE} by address. Closing stops everything, whatever
 * failed.
 */
final class Cluster implements AutoCloseable {

  /** Which engine the instances share. */
  enum Engine {
    OPERATON,
    ZEEBE
  }

  static final String PLEX = "plex-sandbox";
  static final String WAREHOUSE = "warehouse";

  private final Path work;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<RuntimeProcess> instances = new ArrayList<>();
  private final String adminToken =
      "mf-it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  private EmbeddedPostgres postgres;
  private int postgresPort;
  private PlexSandbox plex;
  private ZeebeProcess zeebe;
  private Path masterKey;

  private final Engine engine;

  private Cluster(Path work, Engine engine) {
    this.work = work;
    this.engine = engine;
  }

  /**
   * Starts the shared services and {@code instances} runtimes on a Zeebe, each given {@code
   * properties} too.
   */
  static Cluster start(
      Path work, int instances, PlexSandboxConfig plexData, Map<String, String> properties)
      throws Exception {
    return start(Engine.ZEEBE, work, instances, plexData, properties);
  }

  /**
   * Starts the shared services and {@code instances} runtimes on {@code engine}, each given {@code
   * properties} too.
   */
  static Cluster start(
      Engine engine,
      Path work,
      int instances,
      PlexSandboxConfig plexData,
      Map<String, String> properties)
      throws Exception {
    Cluster cluster = new Cluster(work, engine);
    try {
      cluster.startShared(plexData);
      for (int i = 1; i <= instances; i++) {
        cluster.startInstance("instance-" + i, properties);
      }
      return cluster;
    } catch (Throwable e) {
      cluster.close();
      throw e;
    }
  }

  private void startShared(PlexSandboxConfig plexData) throws Exception {
    postgresPort = RuntimeProcess.freePort();
    postgres = startPostgres();
    started.add(postgres);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + WAREHOUSE);
    }
    plex = new PlexSandbox(plexData.withApiKey(UUID.randomUUID().toString())).start(0);
    started.add(plex);
    if (engine == Engine.ZEEBE) {
      zeebe = ZeebeProcess.start(work.resolve("zeebe.log"));
      started.add(zeebe);
    }
    masterKey = work.resolve("master.key");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(masterKey, Base64.getEncoder().encodeToString(key));
  }

  /**
   * The same server each time: the same port and data directory, so a restart is an outage, not a
   * new database.
   */
  private EmbeddedPostgres startPostgres() throws java.io.IOException {
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(work.resolve("pg-work").toFile())
        .setDataDirectory(work.resolve("pg-data"))
        .setCleanDataDirectory(false)
        .setPort(postgresPort)
        .start();
  }

  /** Stops PostgreSQL (a fast shutdown: open connections are cut). */
  void stopDatabase() throws java.io.IOException {
    started.remove(postgres);
    postgres.close();
  }

  /** Starts PostgreSQL again after {@link #stopDatabase()}, with its data. */
  void startDatabase() throws java.io.IOException {
    postgres = startPostgres();
    started.addFirst(postgres);
  }

  /** Starts one more runtime named {@code name} (also its worker name in the run history). */
  RuntimeProcess startInstance(String name, Map<String, String> properties) throws Exception {
    Map<String, String> all = new HashMap<>(commonProperties());
    all.put("millflow.zeebe.worker-name", name);
    all.putAll(properties);
    RuntimeProcess instance = RuntimeProcess.start(work.resolve(name), name, all, adminToken);
    instances.add(instance);
    started.add(instance);
    return instance;
  }

  private Map<String, String> commonProperties() {
    int pg = postgresPort;
    Map<String, String> p = new HashMap<>();
    if (engine == Engine.ZEEBE) {
      p.put("millflow.zeebe.address", zeebe.address());
      p.put(
          "millflow.zeebe.retry-backoff",
          "worker"); // the in-memory engine's own backoff now and then loses a job
    }
    p.put("millflow.db.url", "jdbc:postgresql://127.0.0.1:" + pg + "/postgres");
    p.put("millflow.db.username", "postgres");
    p.put("millflow.security.master-key-file", masterKey.toString());
    p.put("millflow.sandbox.enabled", "false");
    p.put("millflow.connections." + PLEX + ".type", "plex");
    p.put("millflow.connections." + PLEX + ".settings.baseUrl", plex.baseUrl());
    p.put(
        "millflow.connections." + PLEX + ".settings.rateLimitPerMinute",
        String.valueOf(plex.config().rateLimitPerMinute()));
    p.put("millflow.connections." + PLEX + ".credentials.apiKey", plex.config().apiKey());
    p.put("millflow.connections." + WAREHOUSE + ".type", "postgres");
    p.put(
        "millflow.connections." + WAREHOUSE + ".settings.jdbcUrl",
        "jdbc:postgresql://127.0.0.1:" + pg + "/" + WAREHOUSE);
    p.put("millflow.connections." + WAREHOUSE + ".credentials.username", "postgres");
    return p;
  }

  RuntimeProcess instance(int index) {
    return instances.get(index);
  }

  List<RuntimeProcess> instances() {
    return List.copyOf(instances);
  }

  PlexSandbox plex() {
    return plex;
  }

  /** A connection to the warehouse database the flows write to. */
  Connection warehouse() throws java.sql.SQLException {
    return postgres.getDatabase("postgres", WAREHOUSE).getConnection();
  }

  /**
   * The end of every process's log, for a failure message that shows what each of them was doing.
   */
  String logs() {
    return instances.stream().map(i -> i.logTail(30)).collect(Collectors.joining("\n"))
        + "\n"
        + (zeebe == null ? "" : zeebe.logTail(15));
  }

  /**
   * Stops every process and server this cluster started, the last started first; keeps going past
   * failures.
   */
  @Override
  public void close() throws Exception {
    Exception first = null;
    for (AutoCloseable each : started.reversed()) {
      try {
        if (each instanceof RuntimeProcess runtime) {
          runtime.kill(); // nothing in a test cluster needs a graceful stop, and a kill is bounded
        } else {
          each.close();
        }
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
