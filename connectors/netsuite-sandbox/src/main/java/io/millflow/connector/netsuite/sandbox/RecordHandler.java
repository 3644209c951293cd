package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code GET /services/rest/record/v1/{type}/{id|eid:externalId}[?expandSubResources=true]} for
 * purchaseOrder, vendor and inventoryItem (the writes go to {@link RecordWriteHandler}), generated
 * records by internal id, written ones ({@link WrittenRecords}) by internal or external id: the
 * record in REST's shape (camelCase fields, references as {@code {"id","refName"}}, links), the
 * item sublist of a purchase order inlined only when asked. Built from the same generated rows as
 * SuiteQL answers, so a record read either way is the same record.
 */
final class RecordHandler implements HttpHandler {

  static final String PATH = "/services/rest/record/v1/";
  private static final String[][] SHIP_TO = {
    {"1200 Industrial Pkwy", "Grand Rapids", "MI", "49503", "US"},
    {"455 Foundry St", "Grand Rapids", "MI", "49504", "US"},
    {"Av. Industrial 300", "Apodaca", "NL", "66600", "MX"}
  };

  private final NetSuiteSandboxConfig config;
  private final SandboxData data;
  private final WrittenRecords written;
  private final RecordWriteHandler writes;

  RecordHandler(
      NetSuiteSandboxConfig config, SandboxData data, WrittenRecords written, AsyncJobs jobs) {
    this.config = config;
    this.data = data;
    this.written = written;
    this.writes = new RecordWriteHandler(config, written, jobs, this::generatedOrder);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    NetSuiteErrorShape errors = NetSuiteErrorShape.INSTANCE;
    String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
    if (!exchange.getRequestMethod().equals("GET")) {
      writes.handle(exchange, parts);
      return;
    }
    if (parts.length != 2) {
      errors.write(
          exchange, 405, "INVALID_REQUEST", "This sandbox serves GET record/v1/{type}/{id}.", null);
      return;
    }
    String type = parts[0];
    if (config.deniedRecordTypes().contains(type)) {
      errors.permissionDenied(exchange, type);
      return;
    }
    String self =
        "http://" + exchange.getRequestHeaders().getFirst("Host") + PATH + type + "/" + parts[1];
    Optional<ObjectNode> stored = written.get(type, parts[1]);
    if (stored.isPresent()) {
      ObjectNode record = stored.get();
      record.putArray("links").addObject().put("rel", "self").put("href", self);
      SandboxJson.write(exchange, 200, record);
      return;
    }
    SuiteQlEntity entity =
        switch (type) {
          case "purchaseOrder" -> SuiteQlEntity.PURCHASE_ORDER;
          case "vendor" -> SuiteQlEntity.VENDOR;
          case "inventoryItem" -> SuiteQlEntity.INVENTORY_ITEM;
          default -> null;
        };
    if (entity == null) {
      errors.write(
          exchange,
          404,
          "INVALID_RCRD_TYPE",
          "Record type '" + type + "' is not in this sandbox.",
          null);
      return;
    }
    int index = index(type, parts[1]);
    if (index < 0) {
      errors.write(
          exchange,
          404,
          "NONEXISTENT_ID",
          "The record instance does not exist. Provide a valid record" + " instance ID.",
          null);
      return;
    }
    long now = config.clock().instant().getEpochSecond();
    ObjectNode record =
        switch (type) {
          case "vendor" -> record(entity, data.vendor(index, now));
          case "inventoryItem" -> record(entity, data.item(index, now));
          default ->
              purchaseOrder(
                  index,
                  now,
                  self,
                  "true"
                      .equals(
                          SuiteQlHandler.parameters(exchange.getRequestURI().getRawQuery())
                              .get("expandSubResources")));
        };
    record.putArray("links").addObject().put("rel", "self").put("href", self);
    SandboxJson.write(exchange, 200, record);
  }

  /** A generated order with its lines, as GET gives it: what a receipt against it starts from. */
  private Optional<ObjectNode> generatedOrder(String id) {
    int index = index("purchaseOrder", id);
    return index < 0
        ? Optional.empty()
        : Optional.of(
            purchaseOrder(
                index,
                config.clock().instant().getEpochSecond(),
                PATH + "purchaseOrder/" + id,
                true));
  }

  private ObjectNode purchaseOrder(int index, long now, String self, boolean expand) {
    ObjectNode order = record(SuiteQlEntity.PURCHASE_ORDER, data.order(index, now));
    String[] address = SHIP_TO[index % SHIP_TO.length];
    ObjectNode shipping =
        order
            .putObject("shippingAddress")
            .put("addr1", address[0])
            .put("city", address[1])
            .put("state", address[2])
            .put("zip", address[3]);
    shipping.putObject("country").put("id", address[4]);
    ObjectNode item = order.putObject("item");
    item.putArray("links").addObject().put("rel", "self").put("href", self + "/item");
    if (expand) {
      ArrayNode lines = Json.mapper().createArrayNode();
      for (int line = 1; line <= data.lineCount(index); line++) {
        lines.add(record(SuiteQlEntity.PURCHASE_ORDER_LINE, data.line(index, line, now)));
      }
      item.put("count", lines.size()).put("hasMore", false);
      item.set("items", lines);
      item.put("offset", 0).put("totalResults", lines.size());
    }
    return order;
  }

  /**
   * The REST shape of a generated row: the connector's SuiteQL columns, projected and turned into
   * the record.
   */
  private ObjectNode record(SuiteQlEntity entity, SandboxRow row) {
    try {
      ZoneId zone = config.timeZone();
      return entity.toRecord(
          SuiteQlEngine.project(SuiteQlQuery.parse(entity.select()), row, zone), zone);
    } catch (SuiteQlQuery.Rejected e) {
      throw new IllegalStateException(
          "The sandbox cannot read its own columns of " + entity.recordType(), e);
    }
  }

  private int index(String type, String id) {
    long value;
    try {
      value = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
    long index =
        value
            - switch (type) {
              case "vendor" -> SandboxData.FIRST_VENDOR_ID;
              case "inventoryItem" -> SandboxData.FIRST_ITEM_ID;
              default -> SandboxData.FIRST_ORDER_ID;
            };
    int count =
        switch (type) {
          case "vendor" -> data.vendors.count();
          case "inventoryItem" -> data.items.count();
          default -> data.orders.count();
        };
    return index >= 0 && index < count ? (int) index : -1;
  }
}
