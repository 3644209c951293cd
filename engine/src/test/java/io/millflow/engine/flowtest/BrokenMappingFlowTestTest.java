package io.millflow.engine.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.RepoPaths;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow tests have teeth: the shipped test of plex-po-to-postgres, run against a copy of the
 * flow whose mapping puts each order's status into its order number, fails, and says which row and
 * column differ; so does the shipped test of receipts-to-plex against a copy that drops the
 * supplier, on a step's records and on the records Plex lists.
 */
@QuarkusTest
class BrokenMappingFlowTestTest {

  private static final String FLOW = "plex-po-to-postgres";
  private static final String RECEIPTS = "receipts-to-plex";

  @Inject FlowTests flowTests;

  @Test
  void aFlowThatMapsTheWrongFieldFailsItsShippedTestWithARowDiff(@TempDir Path folder)
      throws IOException {
    Files.copy(
        Path.of("src/test/resources/flow-tests/broken-mapping/" + FLOW + ".bpmn"),
        folder.resolve(FLOW + ".bpmn"));
    Files.copy(
        RepoPaths.flowDefinitions().resolve("flows/" + FLOW + ".test.yaml"),
        folder.resolve(FLOW + ".test.yaml"));

    FlowTestReport report = flowTests.run(folder);

    assertThat(report.passed()).isFalse();
    assertThat(report.text())
        .contains("FAIL  a first run syncs every order with its lines")
        .contains("warehouse/purchase_order row")
        .contains("order_number=Open (expected PO0100016)");
  }

  /**
   * The shipped test of receipts-to-plex, its receipt codes made its own (BM-...), run against a
   * copy of the flow whose mapping drops the supplier: the dry run refuses every receipt, so the
   * cases that expect receipts in Plex fail on the dry run's verdict and on what Plex lists.
   */
  @Test
  void aReceiptFlowThatDropsTheSupplierFailsOnTheDryRunAndOnWhatPlexHolds(@TempDir Path folder)
      throws IOException {
    Path flows = RepoPaths.flowDefinitions().resolve("flows");
    String bpmn = Files.readString(flows.resolve(RECEIPTS + ".bpmn"));
    Files.writeString(
        folder.resolve(RECEIPTS + ".bpmn"),
        bpmn.replace("supplierId: plex_supplier_id", "supplierId: null"));
    Files.writeString(
        folder.resolve(RECEIPTS + ".test.yaml"),
        Files.readString(flows.resolve(RECEIPTS + ".test.yaml")).replace("FT-", "BM-"));

    FlowTestReport report = flowTests.run(folder);

    assertThat(report.passed()).isFalse();
    assertThat(report.text())
        .contains("FAIL  received goods become Plex receipts once the dry run refuses none")
        .contains("records of DryRun row {key=BM-GR-1, action=create")
        .contains("action=rejected (expected create)")
        .contains("plex-sandbox/receipts?{externalReceiptCode=BM-GR-1} count");
  }
}
