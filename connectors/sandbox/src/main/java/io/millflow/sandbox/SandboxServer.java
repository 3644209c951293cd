package io.millflow.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of a sandbox: the JDK's server on loopback with a virtual thread per call, API
 * contexts behind a {@link FaultFilter} and the system's own filters, the {@link FaultsEndpoint},
 * and a guard that answers a failing handler with a 500 in the system's error shape instead of a
 * dropped connection.
 *
 * <pre>{@code
 * SandboxServer server = SandboxServer.start(new InetSocketAddress(loopback, 0), faults, errors);
 * server.api("/services/rest/query/v1/suiteql", new SuiteQlHandler(data), authFilter);
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());

  static {
    // The JDK server keeps Nagle's algorithm on by default: against a client's delayed ACKs every
    // answer then waits
    // ~40 ms. The option is read once per JVM, when the first server starts: set it before that,
    // unless told otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ErrorShape errors;
  private final FaultFilter faultFilter;

  private SandboxServer(HttpServer server, Faults faults, ErrorShape errors) {
    this.server = server;
    this.errors = errors;
    this.faultFilter = new FaultFilter(faults, errors);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext(FaultsEndpoint.PATH, guarded(new FaultsEndpoint(faults, errors)));
  }

  /** Listens on {@code port} of the loopback interface; 0 picks a free port (tests: always 0). */
  public static SandboxServer start(int port, Faults faults, ErrorShape errors) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), faults, errors);
  }

  public static SandboxServer start(InetSocketAddress address, Faults faults, ErrorShape errors) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address + ": " + e.getMessage(), e);
    }
    SandboxServer sandbox = new SandboxServer(server, faults, errors);
    server.start();
    return sandbox;
  }

  /**
   * An API resource: faults first, then {@code filters} (the system's auth, rate limit) in order,
   * then the handler.
   */
  public SandboxServer api(String path, HttpHandler handler, Filter... filters) {
    HttpContext context = server.createContext(path, guarded(handler));
    context.getFilters().add(faultFilter);
    context.getFilters().addAll(java.util.List.of(filters));
    return this;
  }

  /**
   * A sandbox control outside the system's API (no faults, no auth), such as a data admin endpoint.
   */
  public SandboxServer admin(String path, HttpHandler handler) {
    server.createContext(path, guarded(handler));
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    InetAddress address = server.getAddress().getAddress();
    return "http://"
        + (address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress())
        + ":"
        + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** API calls received, including failed and rejected ones (not {@code /_sandbox} calls). */
  public long apiCalls() {
    return faultFilter.calls();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow(); // interrupts calls held back by a planned delay
  }

  private HttpHandler guarded(HttpHandler handler) {
    return exchange -> {
      try {
        handler.handle(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sandbox failed on " + exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          errors.write(exchange, 500, null, "The sandbox failed: " + e.getMessage(), null);
        }
      } finally {
        exchange.close();
      }
    };
  }
}
