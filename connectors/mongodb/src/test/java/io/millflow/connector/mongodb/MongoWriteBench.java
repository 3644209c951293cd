package io.millflow.connector.mongodb;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * Bench entry, not a test: writes 20,000 unified purchase orders of 5 lines (100,000 lines) through
 * {@code mongodb.write} upsert into an empty collection, then inserts the same documents with a bare unordered
 * {@code insertMany}, and prints documents per second for both; then writes the same dataset again (all stored and
 * identical). Runs against mongo-java-server (in process, memory backend), not MongoDB. Run it with the test
 * classpath: {@code java -cp target/classes:target/test-classes:<deps> io.millflow.connector.mongodb.MongoWriteBench
 * [orders]}.
 */
public final class MongoWriteBench {

  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private MongoWriteBench() {}

  public static void main(String[] args) {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (TestMongo mongo = new TestMongo(); MongoConnections connections = new MongoConnections()) {
      Connection connection = mongo.freshConnection("bench");
      TestStepContext context = new TestStepContext().withConnection(connection);
      List<PurchaseOrder> records = IntStream.range(0, orders).mapToObj(MongoWriteBench::order).toList();
      DatasetRef dataset = context.datasets().put(PurchaseOrder.ENTITY, records);
      MongoDatabase database = connections.database(connection);
      warmUp(connections, context, database, records.subList(0, Math.min(2_000, orders)));

      long start = System.nanoTime();
      long cpu = cpuNanos();
      WriteResult result = new MongoWrite(connections).run(new MongoWrite.Input("bench", "po_step", null, null,
          dataset), context);
      double stepSeconds = (System.nanoTime() - start) / 1e9;
      double stepCpu = (cpuNanos() - cpu) / 1e9;

      List<Document> documents = records.stream().map(UnifiedDocuments::of).toList();
      start = System.nanoTime();
      cpu = cpuNanos();
      database.getCollection("po_bare").insertMany(documents, new InsertManyOptions().ordered(false));
      double bareSeconds = (System.nanoTime() - start) / 1e9;
      double bareCpu = (cpuNanos() - cpu) / 1e9;

      print(orders, result, stepSeconds, bareSeconds);
      start = System.nanoTime();
      WriteResult again = new MongoWrite(connections).run(new MongoWrite.Input("bench", "po_step", null, null,
          dataset), context);
      double againSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("mongodb.write again (same dataset, all unchanged): %.2f s = %.0f docs/s; %d unchanged%n",
          againSeconds, orders / againSeconds, again.unchanged());
      // The process's CPU time (client and in-process server together) is steadier than wall time on a shared host.
      System.out.printf("CPU seconds: step %.2f, bare %.2f, bare/step %.0f%%%n", stepCpu, bareCpu,
          100 * bareCpu / stepCpu);
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void warmUp(MongoConnections connections, TestStepContext context, MongoDatabase database,
      List<PurchaseOrder> records) {
    DatasetRef warm = context.datasets().put(PurchaseOrder.ENTITY, records);
    new MongoWrite(connections).run(new MongoWrite.Input("bench", "warm_step", null, null, warm), context);
    database.getCollection("warm_bare").insertMany(new ArrayList<>(records.stream()
        .map(UnifiedDocuments::of).toList()));
  }

  private static void print(int orders, WriteResult result, double stepSeconds, double bareSeconds) {
    System.out.printf(
        "mongodb.write upsert: %d orders (%d lines) in %.2f s = %.0f docs/s (%.0f lines/s); %d inserted%n",
        orders, orders * 5L, stepSeconds, orders / stepSeconds, orders * 5 / stepSeconds, result.inserted());
    System.out.printf("bare insertMany:      %d orders (%d lines) in %.2f s = %.0f docs/s (%.0f lines/s)%n",
        orders, orders * 5L, bareSeconds, orders / bareSeconds, orders * 5 / bareSeconds);
    System.out.printf("step / bare: %.0f%%%n", 100 * bareSeconds / stepSeconds);
  }

  private static PurchaseOrder order(int n) {
    String key = "PO-" + n;
    Instant updated = T0.plusSeconds(n);
    List<PurchaseOrderLine> lines = IntStream.rangeClosed(1, 5).mapToObj(l -> new PurchaseOrderLine(l, key + "-" + l,
        "ITEM-" + l, null, "Item " + l, new BigDecimal(l + ".500"), BigDecimal.ZERO, "EA", new BigDecimal("12.3456"),
        new BigDecimal("18.52"), "open", T0, null, updated)).toList();
    return new PurchaseOrder(key, "45" + n, "V-" + (n % 50), "open", "standard", "EUR", T0, null, null, null, null,
        "NET30", null, "SITE-1", null, new BigDecimal("92.60"), T0, updated, lines,
        new SourceRef("plex", "plex-prod", key, updated), Map.of(), null);
  }
}
