package io.millflow.bench.sinks;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.DatasetRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The sink benchmark (bench/README.md): writes N unified purchase-order lines (N / 5 orders) from a dataset store on
 * disk through one sink's real write step, then loads exactly the rows the step stored into the same server with the
 * simplest fast bare loader, and prints one Markdown table row: lines/s of both, their ratio, and the peak heap of each
 * phase. A warm-up of 10,000 lines through both comes first. One JVM per sink (bench/sinks.sh runs them in turn).
 *
 * <p>Usage: {@code SinkBench postgres|mariadb|mongodb [lines, default 1000000] [work directory]}
 */
public final class SinkBench {

  private static final int WARM_UP_LINES = 10_000;

  private SinkBench() {}

  public static void main(String[] args) throws Exception {
    String target = args.length > 0 ? args[0] : "postgres";
    int lines = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
    Path work = Path.of(args.length > 2 ? args[2] : "bench/sinks/target/work").resolve(target).toAbsolutePath();
    delete(work);
    Files.createDirectories(work.resolve("datasets"));
    FileDatasetStore store = new FileDatasetStore(work.resolve("datasets"));
    DatasetRef warmUp = OrderData.write(store, WARM_UP_LINES);
    DatasetRef dataset = OrderData.write(store, lines);
    try (Sink sink = start(target, work)) {
      sink.run(warmUp, store, "warm");
      Timed read = readAlone(store, warmUp, dataset);
      Sink.Result result = sink.run(dataset, store, "run");
      System.out.println(row(sink, lines, result, read));
    }
    delete(work);
  }

  private static Sink start(String target, Path work) throws Exception {
    return switch (target) {
      case "postgres" -> PostgresSink.start(work);
      case "mariadb" -> MariaDbSink.start(work);
      case "mongodb" -> MongoSink.start(work);
      default -> throw new IllegalArgumentException("Unknown sink '" + target + "': use postgres, mariadb or mongodb");
    };
  }

  /**
   * How long the step's first stage alone takes: streaming the dataset from the store into {@code PurchaseOrder}
   * records (after reading the warm-up dataset the same way, so the JIT has seen it).
   */
  private static Timed readAlone(FileDatasetStore store, DatasetRef warmUp, DatasetRef dataset) throws Exception {
    try (Stream<PurchaseOrder> warm = store.read(warmUp, PurchaseOrder.class)) {
      warm.count();
    }
    return Timed.of(() -> {
      try (Stream<PurchaseOrder> orders = store.read(dataset, PurchaseOrder.class)) {
        orders.count();
      }
    });
  }

  /** One Markdown row: server, lines, step, time, lines/s, heap, read alone, baseline, time, lines/s, heap, ratio. */
  static String row(Sink sink, int lines, Sink.Result result, Timed read) {
    double stepRate = lines / result.step().seconds();
    double bareRate = lines / result.bare().seconds();
    Sink.Labels labels = sink.labels();
    return String.format(Locale.ROOT, "| %s | %,d (%,d %s) | %s | %.1f s | %,.0f | %s | %.1f s | %s | %.1f s |"
        + " %,.0f | %s | %.0f %% (CPU time: %.0f %%) |", labels.server(), lines, result.rows(), labels.rows(),
        labels.step(), result.step().seconds(), stepRate, heap(result.step()), read.seconds(), labels.baseline(),
        result.bare().seconds(), bareRate, heap(result.bare()), 100 * stepRate / bareRate,
        100 * result.bare().cpuSeconds() / result.step().cpuSeconds());
  }

  private static String heap(Timed timed) {
    return String.format(Locale.ROOT, "%,d / %,d MB (GC %.1f s, CPU %.1f s)", timed.liveMb(), timed.usedMb(),
        timed.gcSeconds(), timed.cpuSeconds());
  }

  private static void delete(Path directory) throws Exception {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
