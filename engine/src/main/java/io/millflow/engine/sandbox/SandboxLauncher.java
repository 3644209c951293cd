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
 * Starts the local Plex sandbox with the runtime and offers the connections the example flow uses: {@code plex-sandbox}
 * (the sandbox, with a key made for this start) and {@code warehouse} (a database in the embedded PostgreSQL).
 */
@Singleton
public class SandboxLauncher {

  public static final String PLEX_CONNECTION = "plex-sandbox";
  public static final String WAREHOUSE_CONNECTION = "warehouse";

  private static final Logger LOG = Logger.getLogger(SandboxLauncher.class);

  private final MillflowConfig.Sandbox config;
  private final ConnectionRegistry connections;
  private final StateStore store;
  private PlexSandbox plex;

  public SandboxLauncher(MillflowConfig config, ConnectionRegistry connections, StateStore store) {
    this.config = config.sandbox();
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
    LOG.infof("Plex sandbox: %s (%d purchase orders, %d lines each); connections '%s' and '%s' are ready",
        plex.baseUrl(), config.plexPurchaseOrders(), config.plexLinesPerOrder(), PLEX_CONNECTION, WAREHOUSE_CONNECTION);
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
