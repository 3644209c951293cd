package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.NetSuiteClient.Refused;
import io.millflow.connector.netsuite.NetSuiteClient.Written;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Json;
import io.millflow.step.write.WriteDiff;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One order's receipt: reads the order with its lines, by external id or, for orders NetSuite made
 * itself, by internal id ({@link OrderLookup}), and receives on each line what the unified order
 * says was received in all minus what NetSuite has received already ({@code POST
 * purchaseOrder/{eid:key|id}/!transform/itemReceipt?replace=item}). A re-run so finds nothing left
 * to receive ({@code unchanged}). The receipt carries an external id made of the order's (or {@code
 * id} + its internal id) and the quantities received in all, so a second run racing the first is
 * refused by NetSuite instead of receiving twice; a retried attempt sends the same idempotency key
 * and gets the first job.
 */
final class ItemReceiptWrite implements PerRecordWrite<PurchaseOrder> {

  private final OrderLookup lookup;

  ItemReceiptWrite(OrderLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public String verb() {
    return "Receiving";
  }

  @Override
  public UpsertOutcome write(WritePlan<PurchaseOrder> plan, NetSuiteClient client) {
    Receipt receipt = receipt(plan, client);
    if (receipt.errorCode() != null) {
      return new UpsertOutcome(
          plan.key(),
          plan.externalId(),
          UpsertOutcome.REJECTED,
          null,
          receipt.errorCode(),
          receipt.reason());
    }
    if (receipt.lines().isEmpty()) {
      return new UpsertOutcome(
          plan.key(), receipt.externalId(), UpsertOutcome.UNCHANGED, null, null, null);
    }
    ObjectNode body = Json.mapper().createObjectNode().put("externalId", receipt.externalId());
    body.putObject("item").set("items", receipt.lines());
    return switch (lookup.receive(
        client,
        plan.externalId(),
        body,
        NetSuiteGuesses.RECEIPT_REPLACED_SUBLIST,
        plan.idempotencyKey())) {
      case Written written ->
          new UpsertOutcome(
              plan.key(),
              receipt.externalId(),
              UpsertOutcome.RECEIVED,
              written.internalId(),
              null,
              null);
      case Refused refused ->
          new UpsertOutcome(
              plan.key(),
              receipt.externalId(),
              UpsertOutcome.REJECTED,
              null,
              refused.code(),
              refused.message());
    };
  }

  @Override
  public UpsertDiff diff(WritePlan<PurchaseOrder> plan, NetSuiteClient client) {
    Receipt receipt = receipt(plan, client);
    String action =
        receipt.errorCode() != null
            ? "rejected"
            : receipt.lines().isEmpty() ? "unchanged" : "create";
    return new UpsertDiff(
        plan.key(),
        receipt.externalId(),
        action,
        receipt.orderId(),
        receipt.changes(),
        receipt.errorCode(),
        receipt.reason());
  }

  /**
   * What one order's receipt would be: its external id, the order's internal id, the lines to
   * receive and the received quantities that change; or why it cannot be made.
   */
  private record Receipt(
      String externalId,
      String orderId,
      ArrayNode lines,
      List<WriteDiff.FieldChange> changes,
      String errorCode,
      String reason) {

    static Receipt refused(String code, String reason) {
      return new Receipt(null, null, null, List.of(), code, reason);
    }
  }

  private Receipt receipt(WritePlan<PurchaseOrder> plan, NetSuiteClient client) {
    if (plan.externalId() == null) {
      return lookup == OrderLookup.EXTERNAL_ID
          ? Receipt.refused(ExternalIdWrite.INVALID_EXTERNAL_ID, ExternalIdWrite.NO_EXTERNAL_ID)
          : Receipt.refused(
              NO_INTERNAL_ID,
              "No usable internal id: the order's source id must be NetSuite's internal id.");
    }
    ObjectNode order = lookup.read(client, plan.externalId()).orElse(null);
    if (order == null) {
      return Receipt.refused(
          RecordWrites.NONEXISTENT_ID,
          "No purchaseOrder has " + lookup.describe(plan.externalId()));
    }
    Map<String, JsonNode> orderLines = new HashMap<>();
    for (JsonNode line : order.path("item").path("items")) {
      orderLines.put(line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText(), line);
    }
    ArrayNode lines = Json.mapper().createArrayNode();
    List<WriteDiff.FieldChange> changes = new ArrayList<>();
    StringBuilder received = new StringBuilder(plan.externalId());
    for (JsonNode wanted : plan.body().path("item").path("items")) {
      String line = wanted.path(NetSuiteGuesses.RECEIPT_LINE_FIELD).asText();
      JsonNode orderLine = orderLines.get(line);
      if (orderLine == null) {
        return Receipt.refused(
            RecordWrites.USER_ERROR,
            "Purchase order with "
                + lookup.describe(plan.externalId())
                + " has no line "
                + line
                + ".");
      }
      BigDecimal total = wanted.path("quantity").decimalValue();
      JsonNode already = orderLine.path(NetSuiteGuesses.ORDER_LINE_RECEIVED);
      BigDecimal missing =
          total.subtract(already.isNumber() ? already.decimalValue() : decimal(already));
      received
          .append('|')
          .append(line)
          .append('=')
          .append(total.stripTrailingZeros().toPlainString());
      if (missing.signum() > 0) {
        lines
            .addObject()
            .put(NetSuiteGuesses.RECEIPT_LINE_FIELD, Integer.parseInt(line))
            .put("quantity", missing);
        changes.add(
            new WriteDiff.FieldChange(
                "item["
                    + NetSuiteGuesses.ORDER_LINE_KEY
                    + "="
                    + line
                    + "]."
                    + NetSuiteGuesses.ORDER_LINE_RECEIVED,
                already.isMissingNode() ? null : already,
                Json.mapper().getNodeFactory().numberNode(total)));
      }
    }
    return new Receipt(
        receiptExternalId(lookup.receiptPrefix(plan.externalId()), received.toString()),
        order.path("id").asText(null),
        lines,
        changes,
        null,
        null);
  }

  static final String NO_INTERNAL_ID = "INVALID_INTERNAL_ID";

  /**
   * {@code {order's external id, or id + its internal id}-R-{8 hex digits of the quantities
   * received in all}}.
   */
  private static String receiptExternalId(String orderPrefix, String receivedInAll) {
    String digest =
        UUID.nameUUIDFromBytes(receivedInAll.getBytes(StandardCharsets.UTF_8))
            .toString()
            .substring(0, 8);
    return orderPrefix + "-R-" + digest;
  }

  private static BigDecimal decimal(JsonNode value) {
    try {
      return value.isMissingNode() || value.isNull()
          ? BigDecimal.ZERO
          : new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
