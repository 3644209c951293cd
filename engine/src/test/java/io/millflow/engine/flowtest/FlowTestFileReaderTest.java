package io.millflow.engine.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow test file that cannot be run is refused with the file, the case and the field named. */
class FlowTestFileReaderTest {

  @TempDir Path folder;

  @Test
  void readsTheShippedTestFiles() {
    for (Path file : FlowTestRunner.testFiles(RepoPaths.flowDefinitions().resolve("flows"))) {
      assertThat(FlowTestFileReader.read(file).cases()).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void refusesACountThatIsNotAWholeNumberNamingTheCaseAndField() throws IOException {
    Path file =
        testFile(
            """
            cases:
              - name: first run
                expect:
                  status: completed
                  sinks:
                    - {connection: warehouse, table: purchase_order, count: lots}
            """);

    assertThatThrownBy(() -> FlowTestFileReader.read(file))
        .hasMessage(
            "my-flow.test.yaml, case 'first run': expect.sinks[0].count must be a whole number"
                + " of 0 or more, not \"lots\"");
  }

  @Test
  void refusesAnUnknownFieldAndListsTheKnownOnes() throws IOException {
    Path file =
        testFile(
            """
            cases:
              - name: first run
                expect: {status: completed, ledgr: {read: 1}}
            """);

    assertThatThrownBy(() -> FlowTestFileReader.read(file))
        .hasMessageStartingWith(
            "my-flow.test.yaml, case 'first run': expect.ledgr is not a field of expect")
        .hasMessageContaining("ledger");
  }

  @Test
  void refusesAnUnknownStatusAndACaseWithoutExpectation() throws IOException {
    Path wrongStatus = testFile("cases:\n  - name: a\n    expect: {status: done}\n");
    assertThatThrownBy(() -> FlowTestFileReader.read(wrongStatus))
        .hasMessageContaining("case 'a': expect.status must be one of")
        .hasMessageContaining("not 'done'");

    Path noExpect = testFile("cases:\n  - name: b\n    runsBefore: 1\n");
    assertThatThrownBy(() -> FlowTestFileReader.read(noExpect))
        .hasMessage(
            "my-flow.test.yaml, case 'b': expect is missing: a case must say what the run ends with");
  }

  @Test
  void refusesATestFileWithoutItsFlowNextToIt() throws IOException {
    Path file = folder.resolve("other-flow.test.yaml");
    Files.writeString(file, "cases: []\n");

    assertThatThrownBy(() -> FlowTestFileReader.read(file))
        .hasMessage("other-flow.test.yaml: no flow other-flow.bpmn next to it");
  }

  @Test
  void readsGivenSqlAndConnectionEventsAndRefusesSqlThatIsNotText() throws IOException {
    Path file =
        testFile(
            """
            cases:
              - name: vendors
                given:
                  sql:
                    - connection: warehouse
                      statements: [drop table if exists t, create table t (k text)]
                expect: {status: completed, connectionEvents: [connection.status_changed]}
            """);

    FlowTestFile.Case read = FlowTestFileReader.read(file).cases().getFirst();

    assertThat(read.given())
        .containsExactly(
            new FlowTestFile.GivenSql(
                "warehouse",
                java.util.List.of("drop table if exists t", "create table t (k text)")));
    assertThat(read.expect().connectionEvents()).containsExactly("connection.status_changed");
    assertThat(read.expect().events()).isNull();

    Path notText =
        testFile(
            """
            cases:
              - name: vendors
                given: {sql: [{connection: warehouse, statements: [{create: t}]}]}
                expect: {status: completed}
            """);
    assertThatThrownBy(() -> FlowTestFileReader.read(notText))
        .hasMessageStartingWith(
            "my-flow.test.yaml, case 'vendors': given.sql[0].statements must be SQL statements as"
                + " text");
  }

  @Test
  void readsAPlexSinksFilterAndAStepsRecordsAndRefusesAFilterThatIsNotOneValue()
      throws IOException {
    Path file =
        testFile(
            """
            cases:
              - name: receipts
                expect:
                  status: completed
                  sinks:
                    - {connection: plex-sandbox, table: receipts, filter: {externalReceiptCode: GR-1}, count: 1}
                  records:
                    - {element: DryRun, count: 2, rows: [{key: GR-2, action: rejected}]}
            """);

    FlowTestFile.Expectation read = FlowTestFileReader.read(file).cases().getFirst().expect();

    assertThat(read.sinks().getFirst().filter())
        .containsExactly(Map.entry("externalReceiptCode", "GR-1"));
    assertThat(read.sinks().getFirst().label())
        .isEqualTo("plex-sandbox/receipts?{externalReceiptCode=GR-1}");
    assertThat(read.records())
        .containsExactly(
            new FlowTestFile.StepRecords(
                "DryRun", 2, List.of(Map.of("key", "GR-2", "action", "rejected"))));

    Path listFilter =
        testFile(
            """
            cases:
              - name: receipts
                expect:
                  status: completed
                  sinks: [{connection: plex-sandbox, table: receipts, filter: {code: [a, b]}, count: 0}]
            """);
    assertThatThrownBy(() -> FlowTestFileReader.read(listFilter))
        .hasMessageStartingWith(
            "my-flow.test.yaml, case 'receipts': expect.sinks[0].filter.code must be a single"
                + " value");
    Path noElement =
        testFile(
            """
            cases:
              - name: receipts
                expect: {status: completed, records: [{count: 1}]}
            """);
    assertThatThrownBy(() -> FlowTestFileReader.read(noElement))
        .hasMessage(
            "my-flow.test.yaml, case 'receipts': expect.records[0].element is missing or empty");
  }

  private Path testFile(String yaml) throws IOException {
    Files.writeString(folder.resolve("my-flow.bpmn"), "<definitions/>");
    Path file = folder.resolve("my-flow.test.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
