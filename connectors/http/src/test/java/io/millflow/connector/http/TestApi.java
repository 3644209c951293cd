package io.millflow.connector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.millflow.step.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server a test starts on a free loopback port: routes answer with what the test says,
 * and every request is kept (method, path and query, headers, body, time) for assertions.
 */
final class TestApi implements AutoCloseable {

  static {
    // The JDK server writes headers and body apart: without this, Nagle's algorithm and delayed
    // ACKs hold each answer ~40 ms, which a thousand pages turn into a test of the TCP stack.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One request as the server saw it. */
  record Seen(String method, URI uri, Map<String, List<String>> headers, String body, long nanos) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    /** The value of a query parameter, decoded; null when absent. */
    String query(String name) {
      String query = uri.getQuery();
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        String[] parts = pair.split("=", 2);
        if (parts[0].equals(name)) {
          return parts.length == 2 ? parts[1] : "";
        }
      }
      return null;
    }
  }

  /** How a route answers one request. */
  @FunctionalInterface
  interface Route {
    void answer(Seen request, HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  TestApi() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  TestApi route(String path, Route route) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            Seen request =
                new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    System.nanoTime());
            seen.add(request);
            route.answer(request, exchange);
          }
        });
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Seen> requests() {
    return List.copyOf(seen);
  }

  Seen last() {
    return seen.getLast();
  }

  /** An {@code http} connection to this server, with the given settings and credentials. */
  Connection connection(
      String name, Map<String, String> settings, Map<String, String> credentials) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("baseUrl", url() + "/api");
    return new Connection(name, "http", all, credentials);
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, body);
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
