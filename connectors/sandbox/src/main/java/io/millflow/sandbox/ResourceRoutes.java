package io.millflow.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The routing of one REST resource under {@code path}: its collection ({@code path} or {@code
 * path/}), an item ({@code path/{id}}) and an item's actions ({@code path/{id}/{action}}), each by
 * method, to the handlers given; anything else (another method, a deeper path, {@code pathX}, which
 * the server's context also hands here) is a 404 in the system's error shape.
 *
 * <pre>{@code
 * server.api(path, ResourceRoutes.at(path, errors)
 *     .collection("GET", this::list)
 *     .collection("POST", this::create)
 *     .item("GET", this::one)
 *     .item("PUT", this::update));
 * }</pre>
 */
public final class ResourceRoutes implements HttpHandler {

  /** Answers a call on one item, given the item's id from the path. */
  @FunctionalInterface
  public interface ItemHandler {
    void handle(HttpExchange exchange, String id) throws IOException;
  }

  private final String path;
  private final ErrorShape errors;
  private final Map<String, HttpHandler> collection = new HashMap<>();
  private final Map<String, ItemHandler> item = new HashMap<>();
  private final Map<String, ItemHandler> actions = new HashMap<>();

  private ResourceRoutes(String path, ErrorShape errors) {
    this.path = path;
    this.errors = errors;
  }

  /** No routes yet: every call is a 404 in {@code errors}' shape until routes are added. */
  public static ResourceRoutes at(String path, ErrorShape errors) {
    return new ResourceRoutes(path, errors);
  }

  /** {@code method} on the collection. */
  public ResourceRoutes collection(String method, HttpHandler handler) {
    collection.put(method, handler);
    return this;
  }

  /** {@code method} on one item. */
  public ResourceRoutes item(String method, ItemHandler handler) {
    item.put(method, handler);
    return this;
  }

  /** {@code method} on {@code path/{id}/{action}}. */
  public ResourceRoutes action(String method, String action, ItemHandler handler) {
    actions.put(method + " " + action, handler);
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requested = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String rest = requested.startsWith(path) ? requested.substring(path.length()) : null;
    if (rest == null || !rest.isEmpty() && !rest.startsWith("/")) {
      notHere(exchange);
    } else if (rest.isEmpty() || rest.equals("/")) {
      route(collection.get(method), exchange);
    } else {
      String[] segments = rest.substring(1).split("/", -1);
      if (segments.length == 1) {
        route(item.get(method), exchange, segments[0]);
      } else if (segments.length == 2 && !segments[0].isEmpty()) {
        route(actions.get(method + " " + segments[1]), exchange, segments[0]);
      } else {
        notHere(exchange);
      }
    }
  }

  private void route(HttpHandler handler, HttpExchange exchange) throws IOException {
    if (handler == null) {
      notHere(exchange);
    } else {
      handler.handle(exchange);
    }
  }

  private void route(ItemHandler handler, HttpExchange exchange, String id) throws IOException {
    if (handler == null) {
      notHere(exchange);
    } else {
      handler.handle(exchange, id);
    }
  }

  private void notHere(HttpExchange exchange) throws IOException {
    errors.write(exchange, 404, null, null, null);
  }
}
