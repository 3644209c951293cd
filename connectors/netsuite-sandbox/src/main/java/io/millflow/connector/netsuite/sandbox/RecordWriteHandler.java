package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The record service's writes: {@code PUT {vendor|inventoryItem}/eid:{externalId}} (upsert), {@code
 * POST purchaseOrder} (create, lines in {@code item.items}), {@code PATCH
 * purchaseOrder/{id|eid:...}[?replace=item]} (of a written order), and {@code POST
 * purchaseOrder/{id|eid:...}/!transform/itemReceipt}. A write answers 204 with the record's URL in
 * {@code Location}, or NetSuite's error; with {@code Prefer: respond-async} it runs as a job of
 * {@link AsyncJobs} and answers 202 with the job's URL, or 400 IDEMPOTENCY_ERROR with the earlier
 * job's URL when its idempotency key was seen before.
 */
final class RecordWriteHandler {

  private static final Set<String> UPSERT_TYPES = Set.of("vendor", "inventoryItem");

  private final NetSuiteSandboxConfig config;
  private final WrittenRecords records;
  private final AsyncJobs jobs;
  private final ItemReceipts receipts;

  RecordWriteHandler(
      NetSuiteSandboxConfig config,
      WrittenRecords records,
      AsyncJobs jobs,
      Function<String, Optional<ObjectNode>> generatedOrders) {
    this.config = config;
    this.records = records;
    this.jobs = jobs;
    this.receipts = new ItemReceipts(records, generatedOrders);
  }

  void handle(HttpExchange exchange, String[] parts) throws IOException {
    NetSuiteErrorShape errors = NetSuiteErrorShape.INSTANCE;
    String method = exchange.getRequestMethod();
    Write write =
        write(
            method,
            parts,
            SuiteQlHandler.parameters(exchange.getRequestURI().getRawQuery())
                .get(RecordWrites.REPLACE_PARAMETER));
    if (write == null) {
      errors.write(
          exchange,
          405,
          "INVALID_REQUEST",
          "This sandbox writes with PUT vendor|inventoryItem/eid:{id}, POST purchaseOrder, PATCH"
              + " purchaseOrder/{id} and POST purchaseOrder/{id}/!transform/itemReceipt.",
          null);
      return;
    }
    if (config.deniedRecordTypes().contains(parts[0])) {
      errors.permissionDenied(exchange, parts[0]);
      return;
    }
    Optional<JsonNode> body = SandboxJson.read(exchange);
    if (body.isEmpty() || !(body.get() instanceof ObjectNode object)) {
      errors.write(
          exchange, 400, RecordWrites.USER_ERROR, "The request body is not a JSON object.", null);
      return;
    }
    String host = "http://" + exchange.getRequestHeaders().getFirst("Host");
    String prefer = exchange.getRequestHeaders().getFirst("Prefer");
    if (prefer == null || !prefer.toLowerCase().contains(RecordWrites.PREFER_ASYNC)) {
      answer(exchange, host, run(write, object));
      return;
    }
    AsyncJobs.Submission submission =
        jobs.submit(
            exchange.getRequestHeaders().getFirst(RecordWrites.IDEMPOTENCY_HEADER),
            () -> asyncAnswer(host, run(write, object)));
    exchange.getResponseHeaders().set("Preference-Applied", RecordWrites.PREFER_ASYNC);
    exchange
        .getResponseHeaders()
        .set("Location", host + AsyncJobHandler.PATH + submission.job().id());
    if (submission.repeated()) {
      errors.write(
          exchange,
          400,
          RecordWrites.IDEMPOTENCY_ERROR,
          "A request with the same idempotency key is already submitted. See the \"Location\""
              + " header for a link to the previously submitted job",
          null);
      return;
    }
    exchange.sendResponseHeaders(202, -1);
  }

  /** One write, made against the store: it returns the record it wrote. */
  @FunctionalInterface
  private interface Write {
    Written apply(ObjectNode body) throws WriteRefused;
  }

  /** The record a write wrote, by type and internal id. */
  private record Written(String type, String id) {}

  /** A write's outcome: the record written, or why not. */
  private record Outcome(Written written, WriteRefused refused) {}

  private Write write(String method, String[] parts, String replace) {
    String type = parts[0];
    if (method.equals("PUT")
        && parts.length == 2
        && UPSERT_TYPES.contains(type)
        && parts[1].startsWith(RecordWrites.EXTERNAL_ID_PREFIX)) {
      String externalId = parts[1].substring(RecordWrites.EXTERNAL_ID_PREFIX.length());
      return body -> new Written(type, records.upsert(type, externalId, body).id());
    }
    if (!type.equals("purchaseOrder")) {
      return null;
    }
    if (method.equals("POST") && parts.length == 1) {
      return body -> new Written(type, records.create(type, body));
    }
    if (method.equals("PATCH") && parts.length == 2) {
      return body -> new Written(type, records.update(type, parts[1], body, replace));
    }
    if (method.equals("POST")
        && parts.length == 4
        && parts[2].equals("!transform")
        && parts[3].equals(ItemReceipts.TYPE)) {
      return body -> new Written(ItemReceipts.TYPE, receipts.receive(parts[1], body, replace));
    }
    return null;
  }

  private static Outcome run(Write write, ObjectNode body) {
    try {
      return new Outcome(write.apply(body), null);
    } catch (WriteRefused refused) {
      return new Outcome(null, refused);
    }
  }

  private static void answer(HttpExchange exchange, String host, Outcome outcome)
      throws IOException {
    if (outcome.refused() != null) {
      WriteRefused refused = outcome.refused();
      NetSuiteErrorShape.INSTANCE.write(
          exchange, refused.status(), refused.code(), refused.getMessage(), null);
      return;
    }
    exchange.getResponseHeaders().set("Location", location(host, outcome.written()));
    exchange.sendResponseHeaders(204, -1);
  }

  /**
   * The task's result: the record as GET gives it, or the error body the request would have had.
   */
  private AsyncJobs.Answer asyncAnswer(String host, Outcome outcome) {
    if (outcome.refused() != null) {
      WriteRefused refused = outcome.refused();
      return new AsyncJobs.Answer(
          refused.status(),
          NetSuiteErrorShape.INSTANCE.body(refused.status(), refused.code(), refused.getMessage()));
    }
    Written written = outcome.written();
    ObjectNode record = records.get(written.type(), written.id()).orElseThrow();
    record.putArray("links").addObject().put("rel", "self").put("href", location(host, written));
    return new AsyncJobs.Answer(204, record);
  }

  private static String location(String host, Written written) {
    return host + RecordHandler.PATH + written.type() + "/" + written.id();
  }
}
