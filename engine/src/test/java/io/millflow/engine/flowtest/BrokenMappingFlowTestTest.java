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
 * column differ.
 */
@QuarkusTest
class BrokenMappingFlowTestTest {

  private static final String FLOW = "plex-po-to-postgres";

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
}
