package io.millflow.connector.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.step.Connection;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) for one test class, on a free port.
 * It imitates MongoDB; it is not MongoDB (README.md says which behaviours were verified only against it).
 */
final class TestMongo implements AutoCloseable {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final InetSocketAddress address = server.bind();

  /** A connection to a fresh database, so every test starts from empty collections. */
  Connection freshConnection(String name) {
    return new Connection(name, MongoConnections.TYPE, Map.of(
        "connectionString", "mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=15000",
        "database", "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)), Map.of());
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
