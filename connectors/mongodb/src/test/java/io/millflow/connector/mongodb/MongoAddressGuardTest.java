package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.spi.dns.InetAddressResolver;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.OutboundGuard;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.LoopbackGuard;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's MongoDB client checks every address the driver resolves, where it resolves it: a seed
 * host, and the servers an SRV record lists, on loopback are refused before any connection;
 * allowed, the same client works against the in-process server.
 */
class MongoAddressGuardTest {

  private static final String CLUSTER = "cluster.plant.example";
  private static final String NODE = "node1.plant.example";

  /** Stands for the DNS answer for the SRV record's server: this machine. */
  private static final InetAddressResolver NAMES =
      host ->
          host.equals(NODE)
              ? List.of(InetAddress.getByAddress(NODE, new byte[] {127, 0, 0, 1}))
              : GuardedAddressResolver.SYSTEM.lookupByName(host);

  private static MongoServer server;
  private static int port;

  @BeforeAll
  static void start() {
    server = new MongoServer(new MemoryBackend());
    port = server.bind().getPort();
    TestDns.publishSrv(CLUSTER, NODE, port);
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Test
  void aSeedHostOnLoopbackIsRefused() {
    try (MongoConnections connections = connections(LoopbackGuard.refusingLoopback())) {
      assertThatThrownBy(
              () -> connections.database(connection("mongodb://127.0.0.1:" + port + "/?")))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED"))
          .hasMessageContaining("Connection 'plant-mongo'")
          .hasMessageContaining("settings.connectionString")
          .hasMessageContaining("127.0.0.1")
          .hasMessageContaining("millflow.outbound.allow-hosts");
    }
  }

  @Test
  void aServerAnSrvRecordListsOnLoopbackIsRefused() {
    try (MongoConnections connections = connections(LoopbackGuard.refusingLoopback())) {
      assertThatThrownBy(() -> connections.database(srvConnection()))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED"))
          .hasMessageContaining(NODE + ", which resolves to 127.0.0.1");
    }
  }

  @Test
  void anAllowListedSrvServerWorksAgainstTheServer() {
    try (MongoConnections connections = connections(new LoopbackGuard(Set.of(NODE)))) {
      var database = connections.database(srvConnection());
      database.getCollection("orders").insertOne(new Document("_id", "PO-1"));
      assertThat(database.getCollection("orders").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionTestOfARefusedServerIsAWrongUrl() {
    ConnectionCheck check =
        new MongoConnectionTester(
                Duration.ofSeconds(1), sockets(LoopbackGuard.refusingLoopback()), NAMES)
            .test(srvConnection());

    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
    assertThat(check.message()).contains(NODE, "127.0.0.1", "allow-hosts");
  }

  private static Connection srvConnection() {
    return connection("mongodb+srv://" + CLUSTER + "/?tls=false&");
  }

  /** {@code url} ends in {@code ?} or {@code &}: a refused server fails within a second. */
  private static Connection connection(String url) {
    return new Connection(
        "plant-mongo",
        MongoConnections.TYPE,
        Map.of("connectionString", url + "serverSelectionTimeoutMS=1000", "database", "plant"),
        Map.of());
  }

  private static MongoConnections connections(OutboundGuard guard) {
    return new MongoConnections(sockets(guard), NAMES);
  }

  private static ConnectionSockets sockets(OutboundGuard guard) {
    return (name, connection) -> Optional.of(guard);
  }
}
