package io.millflow.bench.sinks;

import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The bench's dataset: unified purchase orders of 5 lines each, deterministic, written once to the dataset store. */
final class OrderData {

  static final int LINES_PER_ORDER = 5;
  private static final Instant T0 = Instant.parse("2026-01-05T07:30:00Z");
  private static final Address SHIP_TO = new Address("Receiving", "Industriestrasse 12", "Dock 4", "Graz", "Styria",
      "8020", "AT", null);

  private OrderData() {}

  /** Writes {@code lines / 5} orders to the store. */
  static DatasetRef write(DatasetStore store, int lines) {
    try (DatasetWriter writer = store.create(PurchaseOrder.ENTITY)) {
      for (int n = 0; n < lines / LINES_PER_ORDER; n++) {
        writer.add(order(n));
      }
      return writer.finish();
    }
  }

  static PurchaseOrder order(int n) {
    String key = "PO-" + n;
    Instant updated = T0.plusSeconds(n);
    List<PurchaseOrderLine> lines = IntStream.rangeClosed(1, LINES_PER_ORDER).mapToObj(l -> new PurchaseOrderLine(l,
        key + "-" + l, "ITEM-" + (n * 7 + l) % 5_000, "I-" + l, "Bolt M" + (4 + l) + " zinc plated, box of 100",
        new BigDecimal(l + ".500"), BigDecimal.ZERO, "EA", new BigDecimal("12.3456"), new BigDecimal("18.52"), "open",
        T0.plusSeconds(86_400L * 14), null, updated)).toList();
    return new PurchaseOrder(key, "45" + String.format("%08d", n), "V-" + n % 500, "open", "standard", "EUR", T0,
        T0.plusSeconds(86_400L * 14), updated, SHIP_TO, null, "NET30", "DAP", "SITE-" + n % 3, null,
        new BigDecimal("92.60"), T0, updated, lines, new SourceRef("plex", "plex-prod", key, updated),
        Map.of("buyer", "B-" + n % 20), null);
  }
}
