package io.millflow.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledFlowsTest {

  @Test
  void indexListsEveryBpmnInTheFlowsFolder() throws IOException {
    try (Stream<Path> files = Files.list(RepoPaths.flowDefinitions().resolve("flows"))) {
      assertThat(BundledFlows.index())
          .containsExactlyInAnyOrderElementsOf(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(name -> name.endsWith(".bpmn"))
                  .toList());
    }
  }

  @Test
  void everyBundledFlowLoads() {
    assertThat(BundledFlows.load())
        .allSatisfy(bpmn -> assertThat(bpmn).contains("isExecutable=\"true\""));
  }
}
