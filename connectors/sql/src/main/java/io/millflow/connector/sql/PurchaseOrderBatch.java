package io.millflow.connector.sql;

import io.millflow.connector.sql.PurchaseOrderLayout.OrderLine;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.StepFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a batch of purchase orders and prepares it for one set-based upsert, the same way in every SQL sink. */
public final class PurchaseOrderBatch {

  private PurchaseOrderBatch() {}

  /**
   * One version per key: a dataset may hold several versions of an order, and one statement cannot upsert a key
   * twice. The newest by source updated-at wins, the later one on a tie, matching the rule the upserts apply.
   *
   * @throws StepFailure {@code MISSING_KEY} for an order without a key, {@code DUPLICATE_LINE} for two lines with
   *     one number; {@code offset} (the records before this batch) lets the message name the record
   */
  public static Collection<PurchaseOrder> newestPerKey(List<PurchaseOrder> batch, long offset) {
    Map<String, PurchaseOrder> newest = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      PurchaseOrder order = batch.get(i);
      if (order.key() == null || order.key().isBlank()) {
        throw new StepFailure("MISSING_KEY", "Purchase order record " + (offset + i + 1) + " (order number '"
            + order.orderNumber() + "') has no key: the step that produced the dataset must set each order's key.");
      }
      checkLineNumbers(order);
      newest.merge(order.key(), order, PurchaseOrderBatch::newer);
    }
    return newest.values();
  }

  /** The lines of the orders, each with its order's key. */
  public static List<OrderLine> linesOf(Collection<PurchaseOrder> orders) {
    List<OrderLine> lines = new ArrayList<>();
    orders.forEach(order -> order.lines().forEach(line -> lines.add(new OrderLine(order.key(), line))));
    return lines;
  }

  /** The order's source updated-at, or null; what the newer-wins rule compares. */
  public static Instant sourceUpdatedAt(PurchaseOrder order) {
    return order.source() == null ? null : order.source().sourceUpdatedAt();
  }

  private static PurchaseOrder newer(PurchaseOrder earlier, PurchaseOrder later) {
    Instant earlierAt = sourceUpdatedAt(earlier);
    Instant laterAt = sourceUpdatedAt(later);
    return earlierAt != null && (laterAt == null || laterAt.isBefore(earlierAt)) ? earlier : later;
  }

  private static void checkLineNumbers(PurchaseOrder order) {
    Set<Integer> seen = new HashSet<>();
    for (PurchaseOrderLine line : order.lines()) {
      if (!seen.add(line.lineNumber())) {
        throw new StepFailure("DUPLICATE_LINE", "Purchase order '" + order.key() + "' has two lines numbered "
            + line.lineNumber() + ": line numbers must be unique within an order; fix the mapping that set them.");
      }
    }
  }
}
