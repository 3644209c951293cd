package io.millflow.engine.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.RepoPaths;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the flow tests of one folder against this in-process runtime: the shipped flows' by default
 * ({@code flow-definitions/flows}), or the folder given as {@code -Dflow-tests.folder=<dir>}, which
 * is what {@code ./millflow test <folder>} does. The JUnit XML lands in {@code target/flow-tests}.
 */
@QuarkusTest
class FlowTestFolderTest {

  static final String FOLDER_PROPERTY = "flow-tests.folder";

  @Inject FlowTests flowTests;

  @Test
  void everyFlowTestCaseInTheFolderPasses() {
    Path folder =
        System.getProperty(FOLDER_PROPERTY) != null
            ? Path.of(System.getProperty(FOLDER_PROPERTY))
            : RepoPaths.flowDefinitions().resolve("flows");
    assertThat(FlowTestRunner.testFiles(folder)).as("flow test files in " + folder).isNotEmpty();

    FlowTestReport report = flowTests.run(folder);

    assertThat(report.passed()).as(report.text()).isTrue();
  }
}
