package io.millflow.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One tenant's broken subscribers (one answering binary garbage with NUL bytes, one that accepts
 * and never answers) do not hold up another tenant's deliveries, and what they answered is stored
 * as clean text.
 */
@QuarkusTest
class DeliveryIsolationTest {

  private static final byte[] GARBAGE = {
    0x00, 0x01, (byte) 0xFF, 'P', 'K', 0x03, 0x04, 0x00, 0x00, '\r', '\n', 0x00
  };

  @Inject Subscriptions subscriptions;
  @Inject OutboundEvents events;
  @Inject StateStore store;

  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private ServerSocket garbage;
  private ServerSocket silent;
  private HttpServer healthy;
  private final Map<UUID, String> created = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void startSubscribers() throws IOException {
    garbage =
        rawServer(
            socket -> {
              try (socket;
                  OutputStream out = socket.getOutputStream()) {
                socket.getInputStream().read(new byte[8192]);
                out.write(GARBAGE);
                out.flush();
              }
            });
    silent = rawServer(held::add); // accepted, read by nobody, never answered
    healthy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    healthy.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.add(exchange.getRequestHeaders().getFirst("X-Millflow-Event-Id"));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    healthy.start();
  }

  @AfterEach
  void stopSubscribers() throws IOException {
    created.forEach((id, tenant) -> subscriptions.delete(tenant, id));
    garbage.close();
    silent.close();
    for (Socket socket : held) {
      socket.close();
    }
    healthy.stop(0);
  }

  @Test
  void aHealthyTenantIsDeliveredToWithinSecondsWhilePoisonSubscriptionsFail() {
    subscribe("poison-tenant", "http://127.0.0.1:" + garbage.getLocalPort() + "/hook");
    subscribe("poison-tenant", "http://127.0.0.1:" + silent.getLocalPort() + "/hook");
    for (int i = 0;
        i < 100;
        i++) { // queued first, as in the incident: a backlog of poison ahead of everyone else
      events.emitCustom("poison-tenant", "stock.low", Map.of("n", i), null);
    }
    UUID healthySubscription =
        subscribe("healthy-tenant", "http://127.0.0.1:" + healthy.getAddress().getPort() + "/hook");
    for (int i = 0; i < 50; i++) {
      events.emitCustom("healthy-tenant", "stock.low", Map.of("n", i), null);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 50);
    // Recorded once each batch's answers are in: moments after the subscriber has them.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(statusCounts(healthySubscription)).containsEntry("delivered", 50L));

    await().atMost(Duration.ofSeconds(10)).until(() -> storedErrors("poison-tenant").size() > 0);
    assertThat(storedErrors("poison-tenant"))
        .allSatisfy(
            error ->
                assertThat(error)
                    .doesNotContain("\u0000")
                    .hasSizeLessThanOrEqualTo(ErrorText.MAX_LENGTH));
  }

  private UUID subscribe(String tenant, String url) {
    UUID id = subscriptions.create(tenant, url, List.of("custom.*")).subscription().id();
    created.put(id, tenant);
    return id;
  }

  private Map<String, Long> statusCounts(UUID subscription) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select status, count(*) as n from event_outbox where subscription_id = :s group by status")
                    .bind("s", subscription)
                    .reduceRows(
                        new java.util.HashMap<String, Long>(),
                        (counts, row) -> {
                          counts.put(
                              row.getColumn("status", String.class),
                              row.getColumn("n", Long.class));
                          return counts;
                        }));
  }

  /** The errors stored for the tenant's events, in the outbox and in the delivery log. */
  private List<String> storedErrors(String tenant) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
            select o.last_error from event_outbox o join event_subscription s on s.id = o.subscription_id
            where s.tenant_id = :t and o.last_error is not null
            union all
            select l.error from event_delivery_log l join event_outbox o on o.id = l.event_id
              join event_subscription s on s.id = o.subscription_id where s.tenant_id = :t and l.error is not null""")
                    .bind("t", tenant)
                    .mapTo(String.class)
                    .list());
  }

  private interface Connection {
    void handle(Socket socket) throws IOException;
  }

  private static ServerSocket rawServer(Connection connection) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  Thread.ofVirtual()
                      .start(
                          () -> {
                            try {
                              connection.handle(socket);
                            } catch (IOException e) {
                              // the client gave up: nothing to do
                            }
                          });
                } catch (IOException e) {
                  return;
                }
              }
            });
    return server;
  }
}
