import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator of the webhook benchmark: signed POSTs from concurrent clients on loopback, bounded in count.
 * Usage: java bench/WebhookLoad.java <url> <secret> <requests> <concurrency> <duplicatePercent>
 * Prints: ok=<n> failed=<n> seconds=<s> per_second=<r> p50_ms=<x> p99_ms=<y>
 */
public class WebhookLoad {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String secret = args[1];
    int requests = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int duplicatePercent = Integer.parseInt(args[4]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    String run = Long.toString(System.nanoTime(), 36);
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
      for (int c = 0; c < concurrency; c++) {
        clients.submit(() -> {
          for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
            int id = i % 100 < duplicatePercent && i > 0 ? i - 1 : i; // a share of events repeat the previous id
            byte[] body = ("{\"type\":\"downtime\",\"machine\":\"M" + (id % 50) + "\",\"seq\":" + id + "}")
                .getBytes(StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            try {
              HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/json").header("X-Event-Id", run + "-" + id)
                  .header("X-Signature", "sha256=" + hmac(secret, body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
              if (response.statusCode() != 200) {
                failed.incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
            latencies[i] = System.nanoTime() - sent;
          }
          return null;
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("ok=%d failed=%d seconds=%.2f per_second=%.0f p50_ms=%.2f p99_ms=%.2f%n", requests - failed.get(),
        failed.get(), seconds, requests / seconds, latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6);
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
