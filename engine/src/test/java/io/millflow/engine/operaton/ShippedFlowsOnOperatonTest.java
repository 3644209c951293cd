package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.TaskHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShippedFlowsOnOperatonTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  @Test
  void shippedFlowsDeployUnchangedAndRunFromStartToEnd() {
    OperatonEngine engine = fixture.engine("w1");
    List<String> files = shippedFlowFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    Map<String, TaskHandler> handlers = new java.util.HashMap<>();
    for (String file : files) {
      String xml = read("millflow/flows/" + file);
      String processId = processId(xml);
      engine.deploy(processId, xml);
      assertThat(deployedResource(processId)).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
      // every step also answers a dry run's counts that let a gate on them pass (a flow ending
      // early at its gate would run fewer steps than it has)
      taskTypes(xml)
          .forEach(
              type ->
                  handlers.put(
                      type,
                      EngineFixture.completing(
                          Map.of(
                              "done-" + type,
                              true,
                              "diff",
                              Map.of("rejected", 0, "creates", 1, "updates", 0)))));
    }
    fixture.openWorkers(engine, handlers, Duration.ofSeconds(30));

    for (String file : files) {
      String xml = read("millflow/flows/" + file);
      String instance = engine.start(processId(xml), Map.of("trigger", "test"));
      await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));
      List<String> ran =
          fixture.handed.stream()
              .filter(task -> task.instanceKey().equals(instance))
              .map(ActivatedTask::type)
              .toList();
      assertThat(ran).as(file).containsExactlyElementsOf(taskTypes(xml));
    }
  }

  private byte[] deployedResource(String processId) {
    var repository = engineServices().getRepositoryService();
    var definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processId)
            .latestVersion()
            .singleResult();
    try (InputStream in =
        repository.getResourceAsStream(
            definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.operaton.bpm.engine.ProcessEngine engineServices() {
    return org.operaton.bpm.engine.ProcessEngines.getProcessEngine("millflow-w1");
  }

  static List<String> shippedFlowFiles() {
    return read("millflow/flows/index.txt")
        .lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  static String read(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String processId(String xml) {
    Matcher matcher = Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(xml);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static List<String> taskTypes(String xml) {
    return Pattern.compile("<zeebe:taskDefinition type=\"([^\"]+)\"")
        .matcher(xml)
        .results()
        .map(match -> match.group(1))
        .collect(Collectors.toList());
  }
}
