package io.millflow.engine.flowtest;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.EmbeddedMariaDb;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.events.EventType;
import io.millflow.engine.events.Subscriptions;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The in-process runtime the flow tests run against (the one the engine's tests start): its
 * sandboxes and embedded sinks, an {@code erp-mysql} connection to an embedded MariaDB, and a
 * subscription to every event type, so a case can check the events its run emitted. The subscriber
 * is a local server that accepts everything.
 */
final class FlowTestRuntime implements AutoCloseable {

  static final String MYSQL_CONNECTION = "erp-mysql";

  private final String tenant;
  private final ConnectionRegistry connections;
  private final SandboxLauncher sandboxes;
  private final Subscriptions subscriptions;
  private final Jdbi store;
  private final HttpServer subscriber;
  private final UUID subscription;

  FlowTestRuntime(
      String tenant,
      ConnectionRegistry connections,
      SandboxLauncher sandboxes,
      Subscriptions subscriptions,
      Jdbi store) {
    this.tenant = tenant;
    this.connections = connections;
    this.sandboxes = sandboxes;
    this.subscriptions = subscriptions;
    this.store = store;
    sandboxes.start();
    connections.provide(EmbeddedMariaDb.shared().newDatabase(MYSQL_CONNECTION));
    subscriber = acceptingServer();
    subscription =
        subscriptions
            .create(
                tenant,
                "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/events",
                EventType.wireNames())
            .subscription()
            .id();
  }

  Connection connection(String name) {
    return connections.resolve(tenant, name);
  }

  String sandboxUrl(String connection) {
    return sandbox(connection).baseUrl();
  }

  void clearFaults(String connection) {
    given().delete(sandboxUrl(connection) + "/_sandbox/faults").then().statusCode(200);
  }

  /**
   * Checks the connection again when a case left it anything but online (a fault that refused its
   * credentials makes it {@code reauth_required}, and steps refuse such a connection), so the next
   * case finds it as the first did.
   */
  void recheck(String connection) {
    String status =
        given().get("/api/connections/{name}/status", connection).then().extract().path("status");
    if (!"online".equals(status)) {
      given().post("/api/connections/{name}/test", connection).then().statusCode(200);
    }
  }

  /** The types of the events emitted about the run, oldest first. */
  List<String> eventsOf(String runId) {
    return store.withHandle(
        h ->
            h.createQuery(
                    """
                select type from event_outbox where subscription_id = :subscription
                and payload -> 'data' ->> 'runId' = :run order by created_at, (payload ->> 'sequence')::bigint""")
                .bind("subscription", subscription)
                .bind("run", runId)
                .mapTo(String.class)
                .list());
  }

  /**
   * The cursor the flow (its deployed process id) committed for a read task; {@code element} null
   * for the flow's only one.
   */
  String committedCursor(String processId, String element) {
    List<String[]> cursors =
        store.withHandle(
            h ->
                h.createQuery(
                        """
                select element_id, cursor from sync_state
                where tenant_id = :tenant and flow_id = :flow order by element_id, connection""")
                    .bind("tenant", tenant)
                    .bind("flow", processId)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list());
    List<String[]> matching =
        cursors.stream().filter(c -> element == null || c[0].equals(element)).toList();
    if (matching.size() != 1) {
      throw new FlowTestFormatException(
          "${cursor"
              + (element == null ? "" : ":" + element)
              + "}: the flow committed "
              + matching.size()
              + " such cursors (tasks with a cursor: "
              + cursors.stream().map(c -> c[0]).distinct().toList()
              + "); name the task, e.g. ${cursor:ReadOrders}");
    }
    return matching.getFirst()[1];
  }

  /** The state store's clock now, to tell later events from earlier ones. */
  java.time.Instant storeNow() {
    return store.withHandle(
        h -> h.createQuery("select now()").mapTo(java.time.OffsetDateTime.class).one().toInstant());
  }

  /**
   * The types of the {@code connection.*} events about these connections since then, oldest first.
   */
  List<String> connectionEventsSince(java.util.Collection<String> names, java.time.Instant since) {
    return store.withHandle(
        h ->
            h.createQuery(
                    """
                select type from event_outbox where subscription_id = :subscription
                and type like 'connection.%' and payload -> 'data' ->> 'connection' in (<names>)
                and created_at >= :since order by created_at, (payload ->> 'sequence')::bigint""")
                .bind("subscription", subscription)
                .bindList("names", List.copyOf(names))
                .bind("since", java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .mapTo(String.class)
                .list());
  }

  private Sandbox sandbox(String connection) {
    return sandboxes
        .offering(connection)
        .orElseThrow(
            () ->
                new FlowTestFormatException(
                    "no running sandbox offers connection '" + connection + "'"));
  }

  private static HttpServer acceptingServer() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    subscriptions.delete(tenant, subscription);
    subscriber.stop(0);
  }
}
