package io.millflow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexPurchaseOrderMapper;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the run ledger's per-record work costs in the purchase-order transform of
 * plex-po-to-postgres ({@code ./millflow bench ledger}, bench/README.md): the same N Plex orders of
 * 5 lines mapped by the real {@link PlexPurchaseOrderMapper}, once bare and once with everything
 * {@link UnifiedTransform} adds for the ledger and the data-quality checks ({@link MappingTally}:
 * schema drift per source record, required fields, the fill rate of every unified field, newest per
 * key, and the warnings and account at the end), alternating, in one JVM. In this package because
 * the tally is the transform's own; no engine, no database. The ledger's rows (one {@code
 * step_ledger} upsert per step attempt, whatever N) are not timed here.
 */
public final class LedgerCostBenchmark {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final MappingOptions OPTIONS = new MappingOptions("plex", false, List.of());

  private LedgerCostBenchmark() {}

  public static void main(String[] args) {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    List<JsonNode> source = new ArrayList<>(orders);
    for (int i = 0; i < orders; i++) {
      source.add(order(i));
    }
    PlexPurchaseOrderMapper mapper = new PlexPurchaseOrderMapper();
    long[] bare = new long[rounds];
    long[] withLedger = new long[rounds];
    long sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      sink += bare(mapper, source) + withLedger(mapper, source);
    }
    for (int round = 0; round < rounds; round++) {
      boolean bareFirst = round % 2 == 0;
      long started = System.nanoTime();
      sink += bareFirst ? bare(mapper, source) : withLedger(mapper, source);
      long middle = System.nanoTime();
      sink += bareFirst ? withLedger(mapper, source) : bare(mapper, source);
      long ended = System.nanoTime();
      (bareFirst ? bare : withLedger)[round] = middle - started;
      (bareFirst ? withLedger : bare)[round] = ended - middle;
    }
    long bareMedian = median(bare);
    long ledgerMedian = median(withLedger);
    System.out.printf(
        "| %,d orders × 5 lines, median of %d rounds | mapping only %.1f ms | mapping + ledger tally"
            + " %.1f ms | ledger's own work %.1f ms (%.2f µs per order), %.2f× the mapping |%n",
        orders,
        rounds,
        bareMedian / 1e6,
        ledgerMedian / 1e6,
        (ledgerMedian - bareMedian) / 1e6,
        (ledgerMedian - bareMedian) / 1e3 / orders,
        (double) ledgerMedian / bareMedian);
    System.out.println(
        "| rounds (ms) | bare " + millis(bare) + " | with " + millis(withLedger) + " |");
    System.out.println("(checksum " + sink + ")");
  }

  private static long bare(PlexPurchaseOrderMapper mapper, List<JsonNode> source) {
    long lines = 0;
    for (JsonNode record : source) {
      lines += mapper.map(record, OPTIONS).lines().size();
    }
    return lines;
  }

  private static long withLedger(PlexPurchaseOrderMapper mapper, List<JsonNode> source) {
    MappingTally tally =
        new MappingTally(
            mapper.targetEntity(),
            new FieldDrift(mapper.publishedFields(), OPTIONS.customFields()));
    long lines = 0;
    long index = 0;
    for (JsonNode record : source) {
      long number = tally.readOne(record);
      var mapped = mapper.map(record, OPTIONS);
      if (tally.accept(mapped, number)) {
        tally.mapped(mapped, index++);
        lines += mapped.lines().size();
      }
    }
    List<String> warnings = new ArrayList<>(tally.emptyFields(mapper.sourceFields()));
    warnings.addAll(tally.driftWarnings(mapper.sourceEntity()));
    return lines + tally.account(index, warnings).hashCode() % 2;
  }

  /** A Plex purchase order as the read step hands it on: the header with its line items. */
  static JsonNode order(int i) {
    Instant modified = START.plusSeconds(i * 60L);
    ObjectNode order = Json.mapper().createObjectNode();
    order.put("id", "po-" + i);
    order.put("poNumber", "PO" + (100000 + i));
    order.put("supplierId", "supplier-" + i % 200);
    order.put("status", i % 7 == 0 ? "Closed" : "Open");
    order.put("type", "Standard");
    order.put("currencyCode", "USD");
    order.put("orderedDate", modified.minusSeconds(86_400).toString());
    order.put("dueDate", modified.plusSeconds(14 * 86_400).toString());
    order.put("terms", "Net 30");
    order.put("building", "Plant " + i % 3);
    order.put("createdDate", modified.minusSeconds(86_400).toString());
    order.put("modifiedDate", modified.toString());
    ArrayNode lines = order.putArray("lineItems");
    for (int n = 1; n <= 5; n++) {
      ObjectNode line = lines.addObject();
      line.put("id", "po-" + i + "-" + n);
      line.put("lineItemNumber", n);
      line.put("partId", "part-" + (i + n) % 500);
      line.put("supplierPartNumber", "SP-" + n);
      line.put("description", "Part " + n + " of order " + i);
      line.put("unit", "EA");
      line.put("unitPrice", 1.25 * n);
      line.put("status", "Open");
      line.put("modifiedDate", modified.toString());
      ObjectNode release = line.putArray("releases").addObject();
      release.put("id", "po-" + i + "-" + n + "-1");
      release.put("releaseLineNumber", 1);
      release.put("quantity", 10 * n);
      release.put("dueDate", modified.plusSeconds(14 * 86_400).toString());
      release.put("status", "Open");
      release.put("modifiedDate", modified.toString());
    }
    return order;
  }

  private static long median(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long[] times) {
    return Arrays.stream(times).mapToObj(t -> String.format("%.0f", t / 1e6)).toList().toString();
  }
}
