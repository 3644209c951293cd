package io.millflow.engine.sandbox;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.store.EmbeddedPostgresServer;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the local sandboxes with the runtime and offers the connections the example flows use: {@code plex-sandbox},
 * {@code netsuite-sandbox} and {@code idhammar-sandbox} (each system's sandbox, with credentials made for this start),
 * {@code warehouse} (a database in the embedded PostgreSQL, with a role of its own that is no superuser),
 * {@code plant-mongo} (an in-process, in-memory MongoDB) and {@code files} (the installation tenant's own file root,
 * {@code <data-dir>/files/<tenant>} by default).
 */
@Singleton
public class SandboxLauncher {

  public static final String PLEX_CONNECTION = "plex-sandbox";
  public static final String NETSUITE_CONNECTION = "netsuite-sandbox";
  public static final String IDHAMMAR_CONNECTION = "idhammar-sandbox";
  public static final String WAREHOUSE_CONNECTION = "warehouse";
  public static final String MONGO_CONNECTION = "plant-mongo";
  public static final String FILES_CONNECTION = "files";

  private static final Logger LOG = Logger.getLogger(SandboxLauncher.class);

  private final MillflowConfig.Sandbox config;
  private final Path filesDirectory;
  private final ConnectionRegistry connections;
  private final StateStore store;
  private PlexSandbox plex;
  private NetSuiteSandbox netsuite;
  private IdhammarSandbox idhammar;
  private MongoServer mongo;

  public SandboxLauncher(MillflowConfig config, ConnectionRegistry connections, StateStore store,
      io.millflow.connector.file.FileRoots fileRoots) {
    this.config = config.sandbox();
    this.filesDirectory = fileRoots.of(config.tenant()).getFirst();
    this.connections = connections;
    this.store = store;
  }

  public synchronized void start() {
    if (!config.enabled() || plex != null) {
      return;
    }
    startPlex();
    netsuite = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(config.netsuitePurchaseOrders()))
        .start(0);
    connections.provide(netsuite.connection(NETSUITE_CONNECTION));
    idhammar = new IdhammarSandbox(IdhammarSandboxConfig.defaults().withDowntimeEvents(config.idhammarDowntimeEvents()))
        .start(0);
    connections.provide(idhammar.connection(IDHAMMAR_CONNECTION));
    mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress mongoAddress = mongo.bind(); // a free port on loopback
    connections.provide(new Connection(MONGO_CONNECTION, "mongodb", Map.of("host", "127.0.0.1",
        "port", String.valueOf(mongoAddress.getPort()), "database", "plant"), Map.of()));
    store.embeddedServer().map(EmbeddedPostgresServer::warehouse).ifPresent(warehouse -> connections.provide(
        new Connection(WAREHOUSE_CONNECTION, "postgres", Map.of("jdbcUrl", warehouse.jdbcUrl()),
            Map.of("username", warehouse.username(), "password", warehouse.password()))));
    Path files = filesDirectory;
    connections.provide(new Connection(FILES_CONNECTION, "file", Map.of("baseDirectory", files.toString()), Map.of()));
    LOG.infof("Sandboxes: Plex %s (%d purchase orders), NetSuite %s (%d purchase orders), Idhammar OEE %s (%d downtime"
            + " events), MongoDB (in memory) on port %d. Connections %s, %s, %s, %s, %s and %s (%s) are ready",
        plex.baseUrl(), config.plexPurchaseOrders(), netsuite.baseUrl(), config.netsuitePurchaseOrders(),
        idhammar.baseUrl(), config.idhammarDowntimeEvents(), mongoAddress.getPort(), PLEX_CONNECTION,
        NETSUITE_CONNECTION, IDHAMMAR_CONNECTION, WAREHOUSE_CONNECTION, MONGO_CONNECTION, FILES_CONNECTION, files);
  }

  private void startPlex() {
    String apiKey = config.plexApiKey().orElseGet(() -> UUID.randomUUID().toString());
    plex = new PlexSandbox(PlexSandboxConfig.defaults()
        .withApiKey(apiKey)
        .withPurchaseOrders(config.plexPurchaseOrders())
        .withLinesPerOrder(config.plexLinesPerOrder())
        .withRateLimitPerMinute(config.plexRateLimitPerMinute()))
        .start(config.plexPort());
    PlexSandboxConfig.DataSourceAccount account = plex.config().dataSourceAccount();
    connections.provide(new Connection(PLEX_CONNECTION, "plex",
        Map.of("baseUrl", plex.baseUrl(), "rateLimitPerMinute", String.valueOf(config.plexRateLimitPerMinute()),
            "dataSourceBaseUrl", plex.dataSourceBaseUrl()),
        Map.of("apiKey", apiKey, "username", account.username(), "password", account.password())));
    LOG.infof("Plex sandbox: %s (%d purchase orders, %d lines each)", plex.baseUrl(), config.plexPurchaseOrders(),
        config.plexLinesPerOrder());
  }

  /** The running Plex sandbox, for fault injection in tests and demos. */
  public Optional<PlexSandbox> plex() {
    return Optional.ofNullable(plex);
  }

  public Optional<NetSuiteSandbox> netsuite() {
    return Optional.ofNullable(netsuite);
  }

  public Optional<IdhammarSandbox> idhammar() {
    return Optional.ofNullable(idhammar);
  }

  @PreDestroy
  synchronized void stop() {
    if (plex != null) {
      plex.close();
      netsuite.close();
      idhammar.close();
      mongo.shutdownNow();
    }
  }
}
