import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator and receiver of the outbound-events benchmark. Starts a local subscriber (answers 200 at once),
 * subscribes it through the API, writes N events for it straight into the runtime's outbox in one transaction (as N
 * emitted events would), and waits until the subscriber has received every one of them.
 * Usage: java -cp <postgresql jdbc jar> bench/EventLoad.java <api port> <postgres port> <admin token> <events> <timeout s>
 * Prints: events=<n> received=<n> duplicates=<n> seconds=<s> per_second=<r> delivered_rows=<n>
 */
public class EventLoad {

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int apiPort = Integer.parseInt(args[0]);
    int pgPort = Integer.parseInt(args[1]);
    String token = args[2];
    int events = Integer.parseInt(args[3]);
    long timeoutNanos = Long.parseLong(args[4]) * 1_000_000_000L;

    Set<String> received = ConcurrentHashMap.newKeySet();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong lastReceived = new AtomicLong();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> receiver.stop(0)));
    receiver.createContext("/events", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (!received.add(exchange.getRequestHeaders().getFirst("X-Millflow-Event-Id"))) {
        duplicates.incrementAndGet();
      }
      lastReceived.set(System.nanoTime());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();

    String subscription = subscribe(apiPort, token, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/millflow", "postgres", "")) {
      long start = enqueue(db, subscription, events);
      long deadline = start + timeoutNanos;
      while (received.size() < events && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      double seconds = ((received.size() < events ? System.nanoTime() : lastReceived.get()) - start) / 1e9;
      Thread.sleep(2000); // the delivery log is written after the answers
      System.out.printf("events=%d received=%d duplicates=%d seconds=%.1f per_second=%d delivered_rows=%d%n", events,
          received.size(), duplicates.get(), seconds, Math.round(received.size() / seconds), delivered(db, subscription));
    }
  }

  private static String subscribe(int apiPort, String token, String url) throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + apiPort + "/api/subscriptions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"eventTypes\":[\"custom.*\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
    if (created.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("Subscribing failed: " + created.statusCode() + " " + created.body());
    }
    return id.group(1);
  }

  /** Writes the events in one transaction; returns the time of the commit, when delivery may begin. */
  private static long enqueue(Connection db, String subscription, int events) throws Exception {
    db.setAutoCommit(false);
    try (PreparedStatement insert = db.prepareStatement("""
        insert into event_outbox (id, subscription_id, type, payload, status)
        select id, cast(? as uuid), 'custom.bench', jsonb_build_object('id', id, 'type', 'custom.bench',
          'timestamp', now(), 'tenant', 'default', 'data', jsonb_build_object('n', n, 'machine', 'M' || (n % 50),
          'payload', jsonb_build_object('part', 'P-' || n, 'onHand', n % 17))), 'pending'
        from (select gen_random_uuid() as id, n from generate_series(1, ?) n) e""")) {
      insert.setString(1, subscription);
      insert.setInt(2, events);
      insert.executeUpdate();
    }
    db.commit();
    long committed = System.nanoTime();
    db.setAutoCommit(true);
    return committed;
  }

  private static long delivered(Connection db, String subscription) throws Exception {
    try (PreparedStatement count = db.prepareStatement(
        "select count(*) from event_outbox where subscription_id = cast(? as uuid) and status = 'delivered'")) {
      count.setString(1, subscription);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
