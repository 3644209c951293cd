package io.millflow.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.DatasetRef;
import io.millflow.step.FieldFill;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.RecordAccount;
import io.millflow.step.Rejects;
import io.millflow.step.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger of runs as the attempt runner records it, on a real state store: the paths found from
 * the steps' datasets, their balance, and what that means for the run's cursors.
 */
class StepLedgerTest {

  record ReadInput(String connection, @Param(label = "Since", cursor = true) String since) {}

  record RecordsInput(String connection, DatasetRef records) {}

  private static final RecordAccount ALL_MAPPED =
      new RecordAccount(
          10, 10, Rejects.NONE, 0, Map.of("orderNumber", new FieldFill(10, 10)), List.of());

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-ledger-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final StepLedger ledger = new StepLedger(jdbi);
  private final RunLedger runs = new RunLedger(ledger);
  private final LedgerRuns runRows = new LedgerRuns(jdbi, ledger);
  private final UUID run = runRows.id();

  @Test
  void aSourceTransformAndSinkBalanceWithTheirWindowAndFillRates() {
    DatasetRef read = ref("read", 10);
    DatasetRef mapped = ref("mapped", 8);
    record(
        "Read",
        "plex.read",
        new ReadInput("plex", "2026-01-01T00:00:00Z"),
        ReadResult.withCursor(read, java.time.Instant.parse("2026-01-02T00:00:00Z")),
        null);
    record(
        "Map",
        "unified.transform",
        new RecordsInput(null, read),
        mapped,
        new RecordAccount(
            10,
            8,
            rejects(1, "required field 'orderNumber' is empty"),
            1,
            Map.of("orderNumber", new FieldFill(9, 9)),
            List.of("No purchaseOrder has a value in notes")));
    record(
        "Write",
        "postgres.write",
        new RecordsInput("warehouse", mapped),
        new WriteResult("public.purchase_order", 3, 2, 1, 2, Rejects.NONE, 5),
        null);

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(verdict.balanced()).isTrue();
    assertThat(verdict.movesCursors()).isTrue();
    assertThat(verdict.paths())
        .singleElement()
        .satisfies(
            path -> {
              assertThat(path.source()).isEqualTo("Read");
              assertThat(path.sink()).isEqualTo("Write");
              assertThat(path.window())
                  .isEqualTo(new PathLedger.Window("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"));
              assertThat(
                      List.of(
                          path.read(),
                          path.mapped(),
                          path.inserted(),
                          path.updated(),
                          path.unchanged(),
                          path.skippedOlder(),
                          path.rejected(),
                          path.collapsed(),
                          path.gap()))
                  .containsExactly(10L, 8L, 3L, 2L, 1L, 2L, 1L, 1L, 0L);
              assertThat(path.rejectedReasons())
                  .containsExactly(Map.entry("required field 'orderNumber' is empty", 1L));
              assertThat(path.fillRates())
                  .containsEntry("orderNumber", new PathLedger.Fill(9, 9, 1.0));
              assertThat(path.warnings()).containsExactly("No purchaseOrder has a value in notes");
            });
  }

  @Test
  void aRunsRecordsAreWhatItsSourcesReadItsSinksWroteAndEveryStepRejected() {
    DatasetRef read = ref("read", 10);
    DatasetRef mapped = ref("mapped", 8);
    record("Read", "plex.read", new ReadInput("plex", null), new ReadResult(read, "7"), null);
    record(
        "Map",
        "unified.transform",
        new RecordsInput(null, read),
        mapped,
        new RecordAccount(10, 8, rejects(1, "no order number"), 1, Map.of(), List.of()));
    record(
        "Write",
        "postgres.write",
        new RecordsInput("warehouse", mapped),
        new WriteResult("public.purchase_order", 3, 2, 1, 1, rejects(1, "too long"), 0),
        null);
    UUID quiet = new LedgerRuns(jdbi, ledger).id();

    Map<UUID, RunRecords> records = ledger.recordsOf(List.of(run, quiet));

    assertThat(records).containsOnlyKeys(run);
    assertThat(records.get(run)).isEqualTo(new RunRecords(10, 7, 2));
  }

  @Test
  void oneSourceFannedOutToTwoSinksMakesTwoPathsEachBalancedOnItsOwn() {
    DatasetRef read = ref("read", 10);
    DatasetRef mapped = ref("mapped", 10);
    record("Read", "plex.read", new ReadInput("plex", null), new ReadResult(read, "7"), null);
    record("Map", "unified.transform", new RecordsInput(null, read), mapped, ALL_MAPPED);
    record(
        "ToPostgres",
        "postgres.write",
        new RecordsInput("warehouse", mapped),
        new WriteResult("t", 10, 0, 0, 0, Rejects.NONE, 1),
        null);
    record(
        "ToCsv",
        "file.write",
        new RecordsInput("files", mapped),
        new WriteResult("out.csv", 10, 0, 0, 1),
        null);

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(verdict.paths()).extracting(PathLedger::sink).containsExactly("ToPostgres", "ToCsv");
    assertThat(verdict.paths())
        .allSatisfy(
            path -> {
              assertThat(path.source()).isEqualTo("Read");
              assertThat(path.read()).isEqualTo(10);
              assertThat(path.inserted()).isEqualTo(10);
              assertThat(path.balanced()).isTrue();
            });
    assertThat(verdict.movesCursors()).isTrue();
  }

  @Test
  void aStepThatLosesRecordsUnbalancesThePathNamingTheGapAndWhereAndHoldsTheCursor() {
    DatasetRef read = ref("read", 10);
    DatasetRef kept = ref("kept", 7);
    record("Read", "plex.read", new ReadInput("plex", null), new ReadResult(read, "7"), null);
    record("Filter", "custom.filter", new RecordsInput(null, read), kept, null);
    record(
        "Write",
        "postgres.write",
        new RecordsInput("warehouse", kept),
        new WriteResult("t", 7, 0, 0, 0, Rejects.NONE, 1),
        null);

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(verdict.balanced()).isFalse();
    assertThat(verdict.movesCursors()).isFalse();
    PathLedger path = verdict.paths().getFirst();
    assertThat(path.gap()).isEqualTo(3);
    assertThat(path.gapAt()).startsWith("Filter (read 10, passed on 7");
    assertThat(verdict.reason())
        .contains(
            "Read → Write",
            "10 records read",
            "7 accounted for",
            "3 missing",
            ": Filter (read 10",
            "cursor stays");
  }

  @Test
  void aSinkThatRejectsRecordsBalancesButHoldsTheCursorNamingThem() {
    DatasetRef read = ref("read", 4);
    record("Query", "postgres.query", new ReadInput("db", null), new ReadResult(read, "9"), null);
    record(
        "Write",
        "postgres.write",
        new RecordsInput("warehouse", read),
        new WriteResult("t", 2, 0, 0, 0, rejects(2, "no value for the key field 'sku'"), 1),
        null);

    RunLedger.Verdict verdict = runs.verdict(run);

    assertThat(verdict.balanced()).isTrue();
    assertThat(verdict.movesCursors()).isFalse();
    assertThat(verdict.paths().getFirst().rejectedBySink()).isEqualTo(2);
    assertThat(verdict.paths().getFirst().warnings())
        .singleElement()
        .asString()
        .contains("Write rejected 2 records", "record 1", "cursors stay");
  }

  @Test
  void aRetriedAttemptReplacesTheRowOfTheAttemptBefore() {
    DatasetRef first = ref("first", 5);
    DatasetRef second = ref("second", 6);
    ledger.record(
        run,
        UUID.randomUUID(),
        "Read",
        "task-1",
        "plex.read",
        new ReadInput("plex", null),
        new ReadResult(first, "1"),
        null);
    ledger.record(
        run,
        UUID.randomUUID(),
        "Read",
        "task-1",
        "plex.read",
        new ReadInput("plex", null),
        new ReadResult(second, "2"),
        null);

    assertThat(ledger.of(run))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.datasetsOut()).containsExactly(second.dataset());
              assertThat(row.read()).isEqualTo(6);
            });
  }

  private void record(
      String element, String type, Object input, Object output, RecordAccount account) {
    runRows.record(element, type, input, output, account);
  }

  private static Rejects rejects(int count, String reason) {
    Rejects.Tally tally = new Rejects.Tally();
    for (int i = 1; i <= count; i++) {
      tally.reject("record " + i, reason);
    }
    return tally.rejects();
  }

  private static DatasetRef ref(String id, long count) {
    return new DatasetRef(id + "-" + UUID.randomUUID(), count, "purchaseOrder");
  }
}
