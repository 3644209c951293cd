package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST purchaseOrder/{id|eid:...}/!transform/itemReceipt[?replace=item]}: an item receipt
 * made from an order that exists, its {@code item.items} lines naming the order's lines ({@link
 * NetSuiteGuesses#RECEIPT_LINE_FIELD}) with positive quantities; stored as a written {@code
 * itemReceipt} with {@code createdFrom} the order (and the body's {@code externalId}, which must be
 * new). NetSuite pre-fills a receipt with every open line of the order in full; the lines sent
 * change those, and only {@code ?replace=item} makes them the whole receipt ({@link
 * NetSuiteGuesses#RECEIPT_REPLACED_SUBLIST}). A written order's lines then count what they received
 * ({@link NetSuiteGuesses#ORDER_LINE_RECEIVED}).
 */
final class ItemReceipts {

  static final String TYPE = "itemReceipt";
  private static final String ORDER = "purchaseOrder";

  private final WrittenRecords records;
  private final Function<String, Optional<ObjectNode>> generatedOrders;

  /**
   * {@code generatedOrders}: a generated order by internal id, with its lines; a receipt against
   * one stores a written copy of it that counts what it received, as NetSuite changes the order.
   */
  ItemReceipts(WrittenRecords records, Function<String, Optional<ObjectNode>> generatedOrders) {
    this.records = records;
    this.generatedOrders = generatedOrders;
  }

  String receive(String orderIdOrExternalId, ObjectNode body, String replace) throws WriteRefused {
    synchronized (records) { // the check, the receipt and the order's counts in one step
      String orderId = records.internalId(ORDER, orderIdOrExternalId);
      if (orderId == null || !records.exists(ORDER, orderId)) {
        throw new WriteRefused(
            404,
            RecordWrites.NONEXISTENT_ID,
            "The record instance does not exist. Provide a valid record instance ID.");
      }
      Optional<ObjectNode> written =
          records.get(ORDER, orderId).or(() -> generatedOrders.apply(orderId));
      ArrayNode received = lines(body);
      if (written.isPresent() && !NetSuiteGuesses.RECEIPT_REPLACED_SUBLIST.equals(replace)) {
        prefill(written.get(), received);
      }
      ObjectNode receipt = Json.mapper().createObjectNode();
      if (body.hasNonNull("externalId")) {
        receipt.set("externalId", body.get("externalId"));
      }
      receipt.putObject("createdFrom").put("id", orderId);
      receipt.putObject("item").set("items", received);
      if (written.isPresent()) {
        ObjectNode order = written.get();
        for (JsonNode line : received) {
          if (!OrderLines.receive(
              order,
              line.path(NetSuiteGuesses.RECEIPT_LINE_FIELD).asText(),
              line.path("quantity").decimalValue())) {
            throw WriteRefused.content(
                RecordWrites.USER_ERROR,
                "The order has no line "
                    + line.path(NetSuiteGuesses.RECEIPT_LINE_FIELD).asText()
                    + ".");
          }
        }
        String id = records.create(TYPE, receipt);
        records.replace(ORDER, orderId, order);
        return id;
      }
      return records.create(TYPE, receipt);
    }
  }

  private static ArrayNode lines(ObjectNode body) throws WriteRefused {
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
    return received;
  }

  /** Adds the order's open lines not sent, each with all it has still to receive. */
  private static void prefill(ObjectNode order, ArrayNode received) {
    Set<String> sent = new HashSet<>();
    received.forEach(line -> sent.add(line.path(NetSuiteGuesses.RECEIPT_LINE_FIELD).asText()));
    for (JsonNode line : order.path("item").path("items")) {
      String key = line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText();
      BigDecimal open =
          new BigDecimal(line.path("quantity").asText("0"))
              .subtract(new BigDecimal(line.path(NetSuiteGuesses.ORDER_LINE_RECEIVED).asText("0")));
      if (!sent.contains(key) && open.signum() > 0) {
        received
            .addObject()
            .put(NetSuiteGuesses.RECEIPT_LINE_FIELD, Integer.parseInt(key))
            .put("quantity", open);
      }
    }
  }
}
