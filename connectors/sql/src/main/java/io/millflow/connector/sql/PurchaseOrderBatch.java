package io.millflow.connector.sql;

import io.millflow.connector.sql.PurchaseOrderLayout.OrderLine;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of purchase orders needs beyond {@link UnifiedBatch}: checked line numbers, and the
 * lines to load.
 */
public final class PurchaseOrderBatch {

  private PurchaseOrderBatch() {}

  /**
   * The lines of the orders, each with its order's key.
   *
   * @throws StepFailure {@code DUPLICATE_LINE} for two lines of one order with one number
   */
  public static List<OrderLine> linesOf(Collection<PurchaseOrder> orders) {
    List<OrderLine> lines = new ArrayList<>();
    for (PurchaseOrder order : orders) {
      Set<Integer> seen = new HashSet<>();
      for (PurchaseOrderLine line : order.lines()) {
        if (!seen.add(line.lineNumber())) {
          throw new StepFailure(
              "DUPLICATE_LINE",
              "Purchase order '"
                  + order.key()
                  + "' has two lines numbered "
                  + line.lineNumber()
                  + ": line numbers must be unique within an order; fix the mapping that set them.");
        }
        lines.add(new OrderLine(order.key(), line));
      }
    }
    return lines;
  }
}
