package io.millflow.engine.sandbox;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.store.EmbeddedPostgresServer;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import io.millflow.step.sandbox.SandboxSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts the local sandboxes with the runtime and offers the connections the example flows use:
 * those of every connector sandbox on the class path (found through the Sandbox SPI: {@code
 * plex-sandbox}, {@code netsuite-sandbox} and {@code idhammar-sandbox}, with credentials made for
 * this start, each configured by its {@code millflow.sandbox.*} settings), and the runtime's own
 * {@code warehouse} (a database in the embedded PostgreSQL, with a role of its own that is no
 * superuser), {@code plant-mongo} (an in-process, in-memory MongoDB) and {@code files} (the
 * installation tenant's own file root, {@code <data-dir>/files/<tenant>} by default). A production
 * build has no connector sandboxes; the runtime's own three are still offered while {@code
 * millflow.sandbox.enabled} is on.
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
  private final ConnectorSandboxes connectorSandboxes =
      new ConnectorSandboxes(SandboxLauncher.class.getClassLoader());
  private MongoServer mongo;

  public SandboxLauncher(
      MillflowConfig config,
      ConnectionRegistry connections,
      StateStore store,
      io.millflow.connector.file.FileRoots fileRoots) {
    this.config = config.sandbox();
    this.filesDirectory = fileRoots.of(config.tenant()).getFirst();
    this.connections = connections;
    this.store = store;
  }

  public synchronized void start() {
    if (!config.enabled() || mongo != null) {
      return;
    }
    List<String> offered = new ArrayList<>(startConnectorSandboxes());
    mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress mongoAddress = mongo.bind(); // a free port on loopback
    provide(
        new Connection(
            MONGO_CONNECTION,
            "mongodb",
            Map.of(
                "host",
                "127.0.0.1",
                "port",
                String.valueOf(mongoAddress.getPort()),
                "database",
                "plant"),
            Map.of()),
        offered);
    store
        .embeddedServer()
        .map(EmbeddedPostgresServer::warehouse)
        .ifPresent(
            warehouse ->
                provide(
                    new Connection(
                        WAREHOUSE_CONNECTION,
                        "postgres",
                        Map.of("jdbcUrl", warehouse.jdbcUrl()),
                        Map.of("username", warehouse.username(), "password", warehouse.password())),
                    offered));
    Path files = filesDirectory;
    provide(
        new Connection(
            FILES_CONNECTION, "file", Map.of("baseDirectory", files.toString()), Map.of()),
        offered);
    LOG.infof(
        "Sandboxes: MongoDB (in memory) on port %d. Connections %s are ready (files in %s)",
        mongoAddress.getPort(), String.join(", ", offered), files);
  }

  private List<String> startConnectorSandboxes() {
    List<Sandbox> started = connectorSandboxes.start(settings());
    if (started.isEmpty()) {
      LOG.info(
          "No connector sandboxes on the class path (a build without them): only the runtime's own sandbox"
              + " connections are offered");
    }
    List<String> offered = new ArrayList<>();
    for (Sandbox sandbox : started) {
      sandbox.connections().forEach(connection -> provide(connection, offered));
      LOG.info(sandbox.summary());
    }
    return offered;
  }

  private void provide(Connection connection, List<String> offered) {
    connections.provide(connection);
    offered.add(connection.name());
  }

  /** {@code millflow.sandbox.<key>}, defaults included, for each sandbox to read its own keys. */
  private static SandboxSettings settings() {
    Config runtime = ConfigProvider.getConfig();
    return key -> runtime.getOptionalValue("millflow.sandbox." + key, String.class);
  }

  /**
   * The running sandbox that offers connection {@code name}, for fault injection in tests and
   * demos.
   */
  public Optional<Sandbox> offering(String connection) {
    return connectorSandboxes.offering(connection);
  }

  /**
   * The running sandbox of {@code type}, for a test that needs what only that system's sandbox
   * does.
   */
  public <S extends Sandbox> Optional<S> running(Class<S> type) {
    return connectorSandboxes.running(type);
  }

  @PreDestroy
  synchronized void stop() {
    connectorSandboxes.close();
    if (mongo != null) {
      mongo.shutdownNow();
    }
  }
}
