package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.step.Json;

/**
 * {@code POST purchaseOrder/{id}/!transform/itemReceipt}: an item receipt made from an order that
 * exists, its {@code item.items} lines naming the order's lines ({@link
 * NetSuiteGuesses#RECEIPT_LINE_FIELD}) with positive quantities; stored as a written {@code
 * itemReceipt} with {@code createdFrom} the order.
 */
final class ItemReceipts {

  static final String TYPE = "itemReceipt";

  private final WrittenRecords records;

  ItemReceipts(WrittenRecords records) {
    this.records = records;
  }

  String receive(String orderId, ObjectNode body) throws WriteRefused {
    if (!records.exists("purchaseOrder", orderId)) {
      throw new WriteRefused(
          404,
          "NONEXISTENT_ID",
          "The record instance does not exist. Provide a valid record instance ID.");
    }
    JsonNode lines = body.path("item").path("items");
    if (!lines.isArray() || lines.isEmpty()) {
      throw WriteRefused.content(RecordWrites.USER_ERROR, "You must enter at least one line item.");
    }
    ArrayNode received = Json.mapper().createArrayNode();
    for (JsonNode line : lines) {
      JsonNode orderLine = line.path(NetSuiteGuesses.RECEIPT_LINE_FIELD);
      if (!orderLine.canConvertToInt() && !orderLine.asText().matches("\\d+")) {
        throw WriteRefused.content(
            RecordWrites.USER_ERROR,
            "Please enter value(s) for: " + NetSuiteGuesses.RECEIPT_LINE_FIELD + ".");
      }
      if (!(line.path("quantity").asDouble(0) > 0)) {
        throw WriteRefused.content(
            RecordWrites.USER_ERROR, "Please enter a quantity greater than 0.");
      }
      received.add(line);
    }
    ObjectNode receipt = Json.mapper().createObjectNode();
    receipt.putObject("createdFrom").put("id", orderId);
    receipt.putObject("item").set("items", received);
    return records.create(TYPE, receipt);
  }
}
