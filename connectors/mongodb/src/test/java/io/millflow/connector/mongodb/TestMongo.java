package io.millflow.connector.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.step.Connection;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a free port,
 * with the clients the steps use, for one test class: {@code @RegisterExtension static final
 * TestMongo mongo = new TestMongo();}. It imitates MongoDB; it is not MongoDB (README.md says which
 * behaviours were verified only against it).
 */
final class TestMongo implements BeforeAllCallback, AfterAllCallback {

  private MongoServer server;
  private InetSocketAddress address;
  private MongoConnections connections;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = new MongoServer(new MemoryBackend());
    address = server.bind();
    connections = new MongoConnections();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    connections.close();
    server.shutdownNow();
  }

  MongoConnections connections() {
    return connections;
  }

  /** A connection to a fresh database, so every test starts from empty collections. */
  Connection freshConnection(String name) {
    return new Connection(
        name,
        MongoConnections.TYPE,
        Map.of(
            "connectionString",
                "mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=15000",
            "database", "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)),
        Map.of());
  }
}
