package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Plex Connect: the purchasing and tenant resources in Plex's shapes (bare JSON arrays, Plex's
 * error body, 401 for a wrong key, 429 with {@code Retry-After} past the rate limit), deterministic generated data, and
 * planned faults. Pointing a Plex connection at {@link #baseUrl()} instead of {@code https://connect.plex.com} is the
 * only difference for a client.
 *
 * <pre>{@code
 * try (PlexSandbox plex = new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(10_000)).start(0)) {
 *   plex.faults().failNext(2, 503);
 *   ... connection settings {baseUrl: plex.baseUrl()}, credentials {apiKey: plex.config().apiKey()}
 * }
 * }</pre>
 *
 * Standalone: {@code java -cp ... io.millflow.connector.plex.sandbox.PlexSandbox --port=8089 --purchase-orders=10000}
 * (see {@link SandboxCommandLine} for every option).
 */
public final class PlexSandbox implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PlexSandbox.class.getName());

  static {
    // The JDK server keeps Nagle's algorithm on by default: against a client's delayed ACKs every answer then waits
    // ~40 ms. The option is read once per JVM, when the first server starts: set it before that, unless told otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final PlexSandboxConfig config;
  private final SandboxFaults faults = new SandboxFaults();
  private final PurchaseOrderData data;
  private final ApiGate gate;
  private HttpServer server;
  private ExecutorService executor;

  /** Generates the data (about 20 bytes an order; 10,000 orders take milliseconds); {@link #start} serves it. */
  public PlexSandbox(PlexSandboxConfig config) {
    this.config = config;
    this.data = new PurchaseOrderData(config);
    this.gate = new ApiGate(config, faults);
  }

  /** Serves on the loopback interface; port 0 picks a free port (tests: always 0). */
  public PlexSandbox start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  public synchronized PlexSandbox start(InetSocketAddress address) {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already running at " + baseUrl());
    }
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address + ": " + e.getMessage(), e);
    }
    api("/purchasing/v1/purchase-orders", new PurchasingHandler(data));
    api("/mdm/v1/tenants", exchange -> SandboxResponses.json(exchange, 200, tenants()));
    api("/", exchange -> SandboxResponses.error(exchange, 404, "No resource at " + exchange.getRequestURI().getPath()
        + " in this sandbox.", List.of()));
    server.createContext(FaultsHandler.PATH, guarded(new FaultsHandler(faults)));
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.start();
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    String host = server.getAddress().getAddress().isAnyLocalAddress()
        ? "127.0.0.1" : server.getAddress().getAddress().getHostAddress();
    return "http://" + host + ":" + port();
  }

  public int port() {
    if (server == null) {
      throw new IllegalStateException("The sandbox is not started");
    }
    return server.getAddress().getPort();
  }

  public PlexSandboxConfig config() {
    return config;
  }

  /** Plans failures of the next API calls. */
  public SandboxFaults faults() {
    return faults;
  }

  /** How many API calls (not {@code /_sandbox} calls) the sandbox has received, including rejected ones. */
  public long apiCalls() {
    return gate.calls();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow(); // interrupts calls held back by a planned delay
      server = null;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SandboxCommandLine commandLine = SandboxCommandLine.parse(args);
    PlexSandbox sandbox = new PlexSandbox(commandLine.config()).start(commandLine.address());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println("Plex sandbox at " + sandbox.baseUrl() + " with " + commandLine.config().purchaseOrders()
        + " purchase orders; API key " + commandLine.config().apiKey() + ". Faults: POST " + sandbox.baseUrl()
        + FaultsHandler.PATH + ". Ctrl-C stops it.");
    Thread.currentThread().join();
  }

  private void api(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, guarded(handler));
    context.getFilters().add(gate);
  }

  private ArrayNode tenants() {
    ArrayNode tenants = Json.mapper().createArrayNode();
    tenants.addObject()
        .put("id", config.tenantId() != null ? config.tenantId() : "7f3e5a9c-2b4d-4e6f-8a1c-3d5e7f9b0a2c")
        .put("code", "MILLFLOW-SANDBOX")
        .put("name", "Millflow Plex sandbox");
    return tenants;
  }

  /** Answers a failing handler with a 500 in Plex's shape rather than a dropped connection. */
  private static HttpHandler guarded(HttpHandler handler) {
    return exchange -> {
      try {
        handler.handle(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sandbox failed on " + exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          SandboxResponses.error(exchange, 500, "The sandbox failed: " + e.getMessage(), List.of());
        }
      } finally {
        exchange.close();
      }
    };
  }
}
