import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OTLP/HTTP traces receiver for the observability benchmark: accepts POST /v1/traces, counts requests and
 * bytes, and answers 200 with an empty ExportTraceServiceResponse; GET /count tells the counts.
 * Usage: java bench/OtlpReceiver.java; prints "OTLP receiver on port <port>" once it listens.
 */
public class OtlpReceiver {

  public static void main(String[] args) throws Exception {
    AtomicLong requests = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/v1/traces", exchange -> {
      try (exchange) {
        bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.createContext("/count", exchange -> {
      try (exchange) {
        byte[] body = ("requests=" + requests.get() + " bytes=" + bytes.get() + "\n").getBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("OTLP receiver on port " + server.getAddress().getPort());
  }
}
