package io.millflow.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.DatasetRef;
import io.millflow.step.RecordAccount;
import io.millflow.step.Rejects;
import io.millflow.step.WriteResult;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteTally;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write to a system (Plex, NetSuite: a {@link RecordWriteResult}) ends a path of the run's ledger
 * like a database sink, on a real state store: its created, updated, unchanged and refused records
 * account for what the path read, and its dry run counts nowhere.
 */
class SystemWriteLedgerTest {

  record QueryInput(String connection, String sql) {}

  record MapInput(DatasetRef records, String expression) {}

  record WriteInput(String connection, DatasetRef records, Boolean dryRun) {}

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-write-ledger-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final StepLedger ledger = new StepLedger(jdbi);
  private final RunLedger runs = new RunLedger(ledger);
  private final LedgerRuns runRows = new LedgerRuns(jdbi, ledger);
  private final UUID run = runRows.id();
  private final DatasetRef rows = ref("rows", 3);
  private final DatasetRef receipts = ref("receipts", 3);

  @Test
  void aWritePathWithARefusedRecordBalancesNamingItsKeyAndCodeAndHoldsTheCursor() {
    readAndMap();
    StepLedger.Entry write =
        write(
            "CreateReceipts",
            new RecordWriteResult(
                ref("results", 3), false, 3, 1, 0, 1, 1, refused("GR-3", "INVALID_REFERENCE")));

    RunLedger.Verdict atTheWrite = runs.verdictAt(write);
    ledger.save(write);
    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(atTheWrite.balanced()).isTrue();
    assertThat(verdict.balanced()).isTrue();
    assertThat(verdict.movesCursors()).isFalse();
    PathLedger path = verdict.paths().getFirst();
    assertThat(path.source()).isEqualTo("ReadReceipts");
    assertThat(path.sink()).isEqualTo("CreateReceipts");
    assertThat(List.of(path.read(), path.mapped(), path.inserted(), path.unchanged()))
        .containsExactly(3L, 3L, 1L, 1L);
    assertThat(path.rejectedBySink()).isEqualTo(1);
    assertThat(path.rejectedReasons()).isEqualTo(Map.of("INVALID_REFERENCE", 1L));
    assertThat(path.rejectedRecords()).containsExactly("GR-3");
    assertThat(path.gap()).isZero();
  }

  @Test
  void aWritePathThatLosesARecordDoesNotBalanceAndNamesTheGap() {
    readAndMap();
    StepLedger.Entry write =
        write(
            "CreateReceipts",
            new RecordWriteResult(ref("results", 2), false, 2, 2, 0, 0, 2, Rejects.NONE));

    RunLedger.Verdict verdict = runs.verdictAt(write);

    assertThat(verdict.balanced()).isFalse();
    assertThat(verdict.paths().getFirst().gap()).isEqualTo(1);
    assertThat(verdict.reason())
        .contains(
            "ReadReceipts → CreateReceipts",
            "3 records read",
            "2 accounted for",
            "1 missing",
            "between ToReceipts and CreateReceipts (3 passed on, 2 taken)",
            "cursor stays");
  }

  @Test
  void aDryRunBeforeTheWriteEndsNoPathAndCountsInNoTotal() {
    readAndMap();
    ledger.save(
        write(
            "DryRun",
            new RecordWriteResult(
                ref("diff", 3), true, 3, 1, 1, 0, 0, refused("GR-3", "FIELD_REQUIRED"))));
    ledger.save(
        write(
            "Upsert",
            new RecordWriteResult(ref("results", 3), false, 3, 0, 0, 1, 2, Rejects.NONE)));

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(verdict.paths()).singleElement().extracting(PathLedger::sink).isEqualTo("Upsert");
    PathLedger path = verdict.paths().getFirst();
    // a NetSuite upsert does not say whether it created or updated a record: counted as updated
    assertThat(List.of(path.read(), path.inserted(), path.updated(), path.unchanged()))
        .containsExactly(3L, 0L, 2L, 1L);
    assertThat(verdict.balanced()).isTrue();
    assertThat(verdict.movesCursors()).isTrue();
    assertThat(ledger.recordsOf(List.of(run)).get(run)).isEqualTo(new RunRecords(3, 3, 0));
  }

  @Test
  void aStepThatSavesAWritesResultsIsOnAPathOfItsOwnNotOnTheWritesPath() {
    readAndMap();
    DatasetRef results = ref("results", 3);
    ledger.save(
        write(
            "CreateReceipts", new RecordWriteResult(results, false, 3, 3, 0, 0, 3, Rejects.NONE)));
    record(
        "SaveResults",
        "file.write",
        new WriteInput("files", results, null),
        new WriteResult("results.csv", 3, 0, 0, 1),
        null);

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(ledger.of(run))
        .filteredOn(row -> row.elementId().equals("CreateReceipts"))
        .singleElement()
        .satisfies(row -> assertThat(row.datasetsOut()).containsExactly(results.dataset()));
    assertThat(verdict.paths())
        .extracting(PathLedger::source, PathLedger::sink, PathLedger::read)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ReadReceipts", "CreateReceipts", 3L),
            org.assertj.core.groups.Tuple.tuple("SaveResults", "SaveResults", 3L));
    assertThat(verdict.balanced()).isTrue();
  }

  @Test
  void aWriteThatCountsMoreRefusalsThanItNamesStillBalances() {
    readAndMap();
    Rejects countedOnly = new Rejects(1, Map.of("INVALID_REFERENCE", 1L), List.of());
    StepLedger.Entry write =
        write(
            "CreateReceipts",
            new RecordWriteResult(ref("results", 3), false, 3, 2, 0, 0, 2, countedOnly));

    RunLedger.Verdict verdict = runs.verdictAt(write);

    assertThat(verdict.balanced()).isTrue();
    PathLedger path = verdict.paths().getFirst();
    assertThat(path.rejectedBySink()).isEqualTo(1);
    assertThat(path.rejectedReasons()).isEqualTo(Map.of("INVALID_REFERENCE", 1L));
    assertThat(path.rejectedRecords()).isEmpty();
  }

  private void readAndMap() {
    record("ReadReceipts", "postgres.query", new QueryInput("warehouse", "select 1"), rows, null);
    record(
        "ToReceipts",
        "records.map",
        new MapInput(rows, "{key: receipt_code}"),
        receipts,
        new RecordAccount(3, 3, Rejects.NONE, 0, Map.of(), List.of()));
  }

  private StepLedger.Entry write(String element, RecordWriteResult result) {
    return ledger.entry(
        run,
        UUID.randomUUID(),
        element,
        element + "-instance",
        "plex.receipt.create",
        new WriteInput("plex", receipts, result.dryRun()),
        result,
        null);
  }

  private void record(
      String element, String type, Object input, Object output, RecordAccount account) {
    runRows.record(element, type, input, output, account);
  }

  private static Rejects refused(String key, String code) {
    Rejects.Tally tally = new Rejects.Tally();
    WriteTally.refused(tally, key, code);
    return tally.rejects();
  }

  private static DatasetRef ref(String id, long count) {
    return new DatasetRef(id + "-" + UUID.randomUUID(), count, "receipt");
  }
}
