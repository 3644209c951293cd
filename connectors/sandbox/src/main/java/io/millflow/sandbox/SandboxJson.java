package io.millflow.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes JSON answers, whole or streamed item by item, and reads JSON request bodies. */
public final class SandboxJson {

  private SandboxJson() {}

  public static void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A JSON array written item by item, so a large list is never held in memory. */
  public static void array(HttpExchange exchange, Stream<? extends JsonNode> items)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody();
        JsonGenerator generator = Json.mapper().createGenerator(out);
        Stream<? extends JsonNode> stream = items) {
      generator.writeStartArray();
      Iterator<? extends JsonNode> iterator = stream.iterator();
      while (iterator.hasNext()) {
        Json.mapper().writeTree(generator, iterator.next());
      }
      generator.writeEndArray();
    }
  }

  /**
   * The request's JSON body; empty when it is not JSON (the caller answers 400 in its system's
   * shape).
   */
  public static Optional<JsonNode> read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode body = Json.mapper().readTree(in);
      return Optional.ofNullable(body).filter(node -> !node.isMissingNode());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
