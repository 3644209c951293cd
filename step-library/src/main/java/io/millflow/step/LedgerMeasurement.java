package io.millflow.step;

/**
 * For benchmarks only; never in production. {@code -Dmillflow-bench.ledger=off} leaves out the run
 * ledger and the data-quality statistics where they are recorded (the transform's per-record tally
 * of fill rates and schema drift, the PostgreSQL sink's split of records left as stored into
 * unchanged and older, the engine's ledger row per step attempt and its balance checks), so a
 * benchmark can measure what they cost (bench/README.md, "Ledger"). Without the ledger a run checks
 * no balance and reports no account: its cursors move as if every path balanced. Read once where a
 * step attempt starts its work (the transform's tally, the SQL sink's write, the runner's
 * completion), never per record or batch, so one JVM can alternate between runs; not a
 * configuration key, not in the API or the UI.
 */
public final class LedgerMeasurement {

  /** The system property; only {@code off} has an effect. */
  public static final String PROPERTY = "millflow-bench.ledger";

  private LedgerMeasurement() {}

  /** Whether the ledger is recorded: true unless a benchmark switched it off. */
  public static boolean isOn() {
    return !"off".equals(System.getProperty(PROPERTY));
  }
}
