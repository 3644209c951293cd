package io.millflow.engine.records.bench;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.records.RecordsFilter;
import io.millflow.engine.records.RecordsMap;
import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code records.map} and {@code records.filter} over N unified purchase-order lines against a
 * plain Java loop doing the same mapping and the same condition, both reading and writing through
 * the same {@link GeneratedLines} (bench/README.md, {@code ./millflow bench records}).
 */
public final class RecordStepsBenchmark {

  static final String MAP =
      "{item: itemCode, qty: quantity, amount: quantity * unitPrice,"
          + " uom: lower case(unitOfMeasure), open: status != \"closed\"}";
  static final String FILTER = "quantity > 10 and status != \"cancelled\"";

  private static final BigDecimal TEN = BigDecimal.TEN;

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    BoundedFeel feel = new BoundedFeel();
    RecordsMap map = new RecordsMap(feel);
    RecordsFilter filter = new RecordsFilter(feel);
    StepContext context = new BenchContext(new GeneratedLines());
    long warm = Math.min(n, 100_000);
    for (int round = 0; round < 2; round++) {
      readOnly(warm);
      javaMap(warm);
      javaFilter(warm);
      map.run(new RecordsMap.Input(GeneratedLines.input(warm), MAP, "line", 0.0), context);
      filter.run(new RecordsFilter.Input(GeneratedLines.input(warm), FILTER, 0.0), context);
    }
    System.out.println(
        "| step | records | step s | records/s | Java loop s | records/s | step / loop (time) | read and write alone s |");
    double read = seconds(() -> readOnly(n));
    row(
        "records.map",
        n,
        seconds(
            () ->
                map.run(new RecordsMap.Input(GeneratedLines.input(n), MAP, "line", 0.0), context)
                    .out()),
        seconds(() -> javaMap(n)),
        read);
    row(
        "records.filter",
        n,
        seconds(
            () ->
                filter
                    .run(new RecordsFilter.Input(GeneratedLines.input(n), FILTER, 0.0), context)
                    .out()),
        seconds(() -> javaFilter(n)),
        read);
    System.exit(0);
  }

  /** Reading each line and writing it unchanged: what both sides pay before any mapping. */
  static long readOnly(long n) {
    for (long i = 0; i < n; i++) {
      GeneratedLines.drop(GeneratedLines.line(i));
    }
    return n;
  }

  static long javaMap(long n) {
    for (long i = 0; i < n; i++) {
      Map<String, Object> line = GeneratedLines.line(i);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("item", line.get("itemCode"));
      out.put("qty", line.get("quantity"));
      out.put("amount", decimal(line.get("quantity")).multiply(decimal(line.get("unitPrice"))));
      out.put("uom", ((String) line.get("unitOfMeasure")).toLowerCase(Locale.ROOT));
      out.put("open", !"closed".equals(line.get("status")));
      GeneratedLines.drop(out);
    }
    return n;
  }

  static long javaFilter(long n) {
    long kept = 0;
    for (long i = 0; i < n; i++) {
      Map<String, Object> line = GeneratedLines.line(i);
      if (decimal(line.get("quantity")).compareTo(TEN) > 0
          && !"cancelled".equals(line.get("status"))) {
        GeneratedLines.drop(line);
        kept++;
      }
    }
    return kept;
  }

  private static BigDecimal decimal(Object number) {
    return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
  }

  private static double seconds(LongSupplier work) {
    long start = System.nanoTime();
    work.getAsLong();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void row(
      String step, long n, double stepSeconds, double loopSeconds, double read) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %.2f× | %.2f |%n",
        step,
        n,
        stepSeconds,
        n / stepSeconds,
        loopSeconds,
        n / loopSeconds,
        stepSeconds / loopSeconds,
        read);
  }

  /** Just enough context: the generated store, no log, no ledger. */
  private record BenchContext(DatasetStore datasets) implements StepContext {
    @Override
    public String tenantId() {
      return "bench";
    }

    @Override
    public String runId() {
      return "bench";
    }

    @Override
    public Connection connection(String name) {
      throw new UnsupportedOperationException("the bench has no connections");
    }

    @Override
    public String taskKey() {
      return "bench";
    }

    @Override
    public StepLog log() {
      return new StepLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}
      };
    }

    @Override
    public void progress(long done, long total) {}

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }
  }
}
