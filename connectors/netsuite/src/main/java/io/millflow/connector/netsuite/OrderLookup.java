package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.PurchaseOrder;
import java.util.Optional;

/**
 * How the item-receipt step finds a unified order's NetSuite purchase order: by the external id
 * Millflow gave it ({@code eid:}, the default), or by NetSuite's internal id from the unified
 * order's source id, for orders NetSuite made itself (read from NetSuite, they have no external
 * id).
 */
enum OrderLookup {
  EXTERNAL_ID {
    @Override
    String reference(PurchaseOrder order, UpsertInput input) {
      return input.externalIdFromCode() ? order.orderNumber() : order.key();
    }

    @Override
    Optional<ObjectNode> read(NetSuiteClient client, String reference) {
      return client.recordByExternalId(ORDER, reference, true);
    }

    @Override
    NetSuiteClient.WriteAnswer receive(
        NetSuiteClient client, String reference, ObjectNode receipt, String replace, String key) {
      return client.transform(ORDER, reference, ReceiptMapping.RECORD_TYPE, receipt, replace, key);
    }

    @Override
    String receiptPrefix(String reference) {
      return reference;
    }

    @Override
    String describe(String reference) {
      return "external id " + reference;
    }
  },
  INTERNAL_ID {
    @Override
    String reference(PurchaseOrder order, UpsertInput input) {
      return order.source() == null ? null : order.source().sourceId();
    }

    @Override
    Optional<ObjectNode> read(NetSuiteClient client, String reference) {
      return client.recordByInternalId(ORDER, reference, true);
    }

    @Override
    NetSuiteClient.WriteAnswer receive(
        NetSuiteClient client, String reference, ObjectNode receipt, String replace, String key) {
      return client.transformByInternalId(
          ORDER, reference, ReceiptMapping.RECORD_TYPE, receipt, replace, key);
    }

    /** {@code id4711}: never the same as an external id Millflow sets from a key or code. */
    @Override
    String receiptPrefix(String reference) {
      return "id" + reference;
    }

    @Override
    String describe(String reference) {
      return "internal id " + reference;
    }
  };

  static final String ORDER = "purchaseOrder";

  /** The input's {@code findOrderBy}: {@code internalId}, else the external id. */
  static OrderLookup of(String findOrderBy) {
    return "internalId".equals(findOrderBy) ? INTERNAL_ID : EXTERNAL_ID;
  }

  /** What NetSuite knows {@code order} by; null when the order does not say. */
  abstract String reference(PurchaseOrder order, UpsertInput input);

  /** The order with its lines; empty when NetSuite has none. */
  abstract Optional<ObjectNode> read(NetSuiteClient client, String reference);

  /** {@code POST purchaseOrder/{reference}/!transform/itemReceipt}. */
  abstract NetSuiteClient.WriteAnswer receive(
      NetSuiteClient client, String reference, ObjectNode receipt, String replace, String key);

  /** The start of the receipt's external id. */
  abstract String receiptPrefix(String reference);

  /** "external id PO-1" or "internal id 4711", for reasons and the step log. */
  abstract String describe(String reference);
}
