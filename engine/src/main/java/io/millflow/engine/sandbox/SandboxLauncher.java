package io.millflow.engine.sandbox;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the local Plex sandbox with the runtime and offers the connections the example flows use: {@code plex-sandbox}
 * (the sandbox, with a key made for this start), {@code warehouse} (a database in the embedded PostgreSQL) and
 * {@code files} (the folder {@code files} in the data directory).
 */
@Singleton
public class SandboxLauncher {

  public static final String PLEX_CONNECTION = "plex-sandbox";
  public static final String WAREHOUSE_CONNECTION = "warehouse";
  public static final String FILES_CONNECTION = "files";

  private static final Logger LOG = Logger.getLogger(SandboxLauncher.class);

  private final MillflowConfig.Sandbox config;
  private final java.nio.file.Path dataDir;
  private final ConnectionRegistry connections;
  private final StateStore store;
  private PlexSandbox plex;

  public SandboxLauncher(MillflowConfig config, ConnectionRegistry connections, StateStore store) {
    this.config = config.sandbox();
    this.dataDir = config.dataDir().toAbsolutePath();
    this.connections = connections;
    this.store = store;
  }

  public synchronized void start() {
    if (!config.enabled() || plex != null) {
      return;
    }
    String apiKey = config.plexApiKey().orElseGet(() -> UUID.randomUUID().toString());
    plex = new PlexSandbox(PlexSandboxConfig.defaults()
        .withApiKey(apiKey)
        .withPurchaseOrders(config.plexPurchaseOrders())
        .withLinesPerOrder(config.plexLinesPerOrder())
        .withRateLimitPerMinute(config.plexRateLimitPerMinute()))
        .start(config.plexPort());
    connections.provide(new Connection(PLEX_CONNECTION, "plex",
        Map.of("baseUrl", plex.baseUrl(), "rateLimitPerMinute", String.valueOf(config.plexRateLimitPerMinute())),
        Map.of("apiKey", apiKey)));
    store.embeddedServer().ifPresent(postgres -> connections.provide(new Connection(WAREHOUSE_CONNECTION, "postgres",
        Map.of("jdbcUrl", postgres.jdbcUrl("warehouse")), Map.of("username", "postgres"))));
    java.nio.file.Path files = filesDirectory();
    connections.provide(new Connection(FILES_CONNECTION, "file", Map.of("baseDirectory", files.toString()), Map.of()));
    LOG.infof("Plex sandbox: %s (%d purchase orders, %d lines each); connections '%s', '%s' and '%s' (%s) are ready",
        plex.baseUrl(), config.plexPurchaseOrders(), config.plexLinesPerOrder(), PLEX_CONNECTION, WAREHOUSE_CONNECTION,
        FILES_CONNECTION, files);
  }

  private java.nio.file.Path filesDirectory() {
    try {
      return java.nio.file.Files.createDirectories(dataDir.resolve("files"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create the files directory under " + dataDir, e);
    }
  }

  /** The running Plex sandbox, for fault injection in tests and demos. */
  public Optional<PlexSandbox> plex() {
    return Optional.ofNullable(plex);
  }

  @PreDestroy
  synchronized void stop() {
    if (plex != null) {
      plex.close();
    }
  }
}
