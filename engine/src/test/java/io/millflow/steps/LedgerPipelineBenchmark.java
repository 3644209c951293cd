package io.millflow.steps;

import io.millflow.connector.plex.PlexPurchaseOrderMapper;
import io.millflow.connector.postgres.PostgresDataSources;
import io.millflow.connector.postgres.PostgresWrite;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.WriteMode;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.LedgerMeasurement;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run ledger and the fill-rate statistics cost a whole purchase-order sync of N orders of
 * 5 lines without the engine ({@code ./millflow bench ledger pipeline}, bench/README.md):
 * Plex-shaped orders ({@link LedgerCostBenchmark#order}, stored before the clock starts) through
 * the real {@link UnifiedTransform} and the real {@code postgres.write} upsert into zonky's
 * embedded PostgreSQL, once into empty tables (inserts) and once again (all unchanged, the merge
 * path), with the ledger on and switched off ({@link LedgerMeasurement}), alternating in one JVM.
 * The engine's share (one ledger row per attempt, the balance checks) is what {@code ./millflow
 * bench ledger foundation} adds.
 */
public final class LedgerPipelineBenchmark {

  private LedgerPipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path work = Path.of("target", "ledger-pipeline"); // the data directory is removed at the end
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.resolve("binaries").toFile())
                .setDataDirectory(work.resolve("data"))
                .setCleanDataDirectory(true)
                .start();
        PostgresDataSources dataSources = new PostgresDataSources()) {
      Pipeline pipeline = new Pipeline(postgres, new PostgresWrite(dataSources));
      pipeline.run(Math.min(orders, 5_000), true, "warm_on");
      pipeline.run(Math.min(orders, 5_000), false, "warm_off");
      Map<Boolean, List<long[]>> times = new HashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (boolean on :
            round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
          long[] pass = pipeline.run(orders, on, "r" + round + (on ? "_on" : "_off"));
          times.computeIfAbsent(on, k -> new ArrayList<>()).add(pass);
          System.out.printf(
              "round %d, ledger %s: first run %.1f s, re-run %.1f s%n",
              round, on ? "on " : "off", pass[0] / 1e9, pass[1] / 1e9);
        }
      }
      print(orders, rounds, times.get(true), times.get(false));
    } finally {
      System.clearProperty(LedgerMeasurement.PROPERTY);
    }
  }

  private static void print(int orders, int rounds, List<long[]> on, List<long[]> off) {
    String[] passes = {"first run (inserts)", "re-run (all unchanged)"};
    for (int pass = 0; pass < 2; pass++) {
      long with = median(on, pass);
      long without = median(off, pass);
      System.out.printf(
          "| %,d orders × 5 lines, %s, median of %d | without the ledger %.2f s | with %.2f s |"
              + " with / without %.3f |%n",
          orders, passes[pass], rounds, without / 1e9, with / 1e9, (double) with / without);
    }
  }

  /** The median; of an even number of rounds, the mean of the middle two. */
  private static long median(List<long[]> passes, int pass) {
    long[] times = passes.stream().mapToLong(each -> each[pass]).sorted().toArray();
    int middle = times.length / 2;
    return times.length % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  }

  /** Transform and write into a fresh schema, twice; returns the two passes' nanoseconds. */
  private record Pipeline(EmbeddedPostgres postgres, PostgresWrite write) {

    long[] run(int orders, boolean ledgerOn, String schema) throws Exception {
      if (ledgerOn) {
        System.clearProperty(LedgerMeasurement.PROPERTY);
      } else {
        System.setProperty(LedgerMeasurement.PROPERTY, "off");
      }
      sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
      Connection connection =
          new Connection(
              "bench",
              "postgres",
              Map.of(
                  "jdbcUrl",
                  "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                  "schema",
                  schema,
                  "poolSize",
                  "2"),
              Map.of("username", "postgres", "password", "unused-trust-auth"));
      long[] nanos = new long[2];
      for (int pass = 0; pass < 2; pass++) {
        long[] sync = sync(orders, connection);
        nanos[pass] = sync[0];
        if (sync[pass == 0 ? 1 : 2] != orders) {
          throw new IllegalStateException(
              "Pass " + pass + " inserted " + sync[1] + " and left " + sync[2] + " unchanged");
        }
      }
      sql("DROP SCHEMA " + schema + " CASCADE");
      return nanos;
    }

    /** One sync in a fresh context: the source dataset stored untimed, then timed. */
    private long[] sync(int orders, Connection connection) {
      TestStepContext context = new TestStepContext().withConnection(connection);
      DatasetRef source;
      try (DatasetWriter out = context.datasets().create("plex.purchaseOrder")) {
        for (int i = 0; i < orders; i++) {
          out.add(LedgerCostBenchmark.order(i));
        }
        source = out.finish();
      }
      System.gc();
      long started = System.nanoTime();
      DatasetRef mapped =
          new UnifiedTransform(List.of(new PlexPurchaseOrderMapper()))
              .run(new UnifiedTransform.Input(source, "plex", false, null), context);
      WriteResult written =
          write.run(new SqlWriteInput("bench", null, WriteMode.UPSERT, null, mapped), context);
      return new long[] {System.nanoTime() - started, written.inserted(), written.unchanged()};
    }

    private void sql(String... statements) throws SQLException {
      try (java.sql.Connection jdbc = postgres.getPostgresDatabase().getConnection()) {
        for (String statement : statements) {
          jdbc.createStatement().execute(statement);
        }
      }
    }
  }
}
