package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MultiInstanceTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  /**
   * start → Each (multi-instance over items) → Report → end; Report sees what the loop collected.
   */
  private static String loop(boolean sequential) {
    return process(
        "loop",
        """
        <bpmn:startEvent id="Start" />
        <bpmn:serviceTask id="Each">
          <bpmn:extensionElements><zeebe:taskDefinition type="each" /></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics isSequential="%s">
            <bpmn:extensionElements>
              <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results"
                  outputElement="=result" />
            </bpmn:extensionElements>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:serviceTask>
        %s
        <bpmn:endEvent id="End" />
        """
                .formatted(sequential, TestFlows.serviceTask("Report", "report", ""))
            + flow("F1", "Start", "Each")
            + flow("F2", "Each", "Report")
            + flow("F3", "Report", "End"));
  }

  private static final TaskHandler UPPER_CASE =
      (task, lease) ->
          new AttemptOutcome.Completed(
              Map.of("result", String.valueOf(task.variables().get("item")).toUpperCase()), null);

  private OperatonEngine engineWith(String xml, Map<String, TaskHandler> handlers) {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("loop", xml);
    fixture.openWorkers(engine, handlers, Duration.ofSeconds(30));
    return engine;
  }

  private List<ActivatedTask> handedOf(String instance, String type) {
    return fixture.handedFor(instance).stream().filter(task -> task.type().equals(type)).toList();
  }

  @Test
  void aParallelLoopRunsOneInstancePerItemWithItsElementAndCollectsTheResultsInOrder() {
    OperatonEngine engine =
        engineWith(
            loop(false), Map.of("each", UPPER_CASE, "report", EngineFixture.completing(Map.of())));

    String instance = engine.start("loop", Map.of("items", List.of("a", "b", "c")));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    List<ActivatedTask> each = handedOf(instance, "each");
    assertThat(each)
        .extracting(task -> task.variables().get("item"))
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(each)
        .allSatisfy(
            task ->
                assertThat(((Number) task.variables().get("loopCounter")).intValue())
                    .isEqualTo(
                        1 + List.of("a", "b", "c").indexOf((String) task.variables().get("item"))));
    Map<String, Object> seenByReport = handedOf(instance, "report").get(0).variables();
    assertThat(seenByReport)
        .containsEntry("results", List.of("A", "B", "C"))
        .doesNotContainKey("item");
  }

  @Test
  void aSequentialLoopHandsOutOneInstanceAtATimeInOrder() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    OperatonEngine engine =
        engineWith(
            loop(true),
            Map.of(
                "each",
                (task, lease) -> {
                  mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                  try {
                    Thread.sleep(300);
                    return UPPER_CASE.attempt(task, lease);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  } finally {
                    running.decrementAndGet();
                  }
                },
                "report",
                EngineFixture.completing(Map.of())));

    String instance = engine.start("loop", Map.of("items", List.of("a", "b", "c")));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    assertThat(handedOf(instance, "each"))
        .extracting(task -> task.variables().get("item"))
        .containsExactly("a", "b", "c");
    assertThat(mostAtOnce).hasValue(1);
    assertThat(handedOf(instance, "report").get(0).variables())
        .containsEntry("results", List.of("A", "B", "C"));
  }

  @Test
  void anEmptyCollectionCompletesAtOnceWithAnEmptyOutputCollection() {
    OperatonEngine engine =
        engineWith(
            loop(false), Map.of("each", UPPER_CASE, "report", EngineFixture.completing(Map.of())));

    String instance = engine.start("loop", Map.of("items", List.of()));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    assertThat(handedOf(instance, "each")).isEmpty();
    assertThat(handedOf(instance, "report").get(0).variables()).containsEntry("results", List.of());
  }

  @Test
  void anInputCollectionThatIsNotAListIsAnIncidentNamingTheElement() {
    OperatonEngine engine =
        engineWith(
            loop(false), Map.of("each", UPPER_CASE, "report", EngineFixture.completing(Map.of())));

    String instance = engine.start("loop", Map.of("items", "a,b,c"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !engine.openIncidents(instance).isEmpty());

    EngineIncident incident = engine.openIncidents(instance).get(0);
    assertThat(incident.elementId()).isEqualTo("Each");
    assertThat(incident.message()).contains("Each").contains("items").contains("not a list");
    assertThat(fixture.handedFor(instance)).isEmpty();
  }

  @Test
  void aSubProcessLoopsWithItsElementLocalToEachInstance() {
    String xml =
        process(
            "loop",
            """
        <bpmn:startEvent id="Start" />
        <bpmn:subProcess id="PerItem">
          <bpmn:multiInstanceLoopCharacteristics>
            <bpmn:extensionElements>
              <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results"
                  outputElement="=item + &quot;!&quot;" />
            </bpmn:extensionElements>
          </bpmn:multiInstanceLoopCharacteristics>
          <bpmn:startEvent id="InnerStart" />
          %s
          <bpmn:endEvent id="InnerEnd" />
          %s
        </bpmn:subProcess>
        %s
        <bpmn:endEvent id="End" />
        """
                    .formatted(
                        TestFlows.serviceTask("Inner", "each", ""),
                        flow("I1", "InnerStart", "Inner") + flow("I2", "Inner", "InnerEnd"),
                        TestFlows.serviceTask("Report", "report", ""))
                + flow("F1", "Start", "PerItem")
                + flow("F2", "PerItem", "Report")
                + flow("F3", "Report", "End"));
    OperatonEngine engine =
        engineWith(xml, Map.of("each", UPPER_CASE, "report", EngineFixture.completing(Map.of())));

    String instance = engine.start("loop", Map.of("items", Arrays.asList("x", "y")));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    assertThat(handedOf(instance, "each"))
        .extracting(task -> task.variables().get("item"))
        .containsExactlyInAnyOrder("x", "y");
    assertThat(handedOf(instance, "report").get(0).variables())
        .containsEntry("results", List.of("x!", "y!"));
  }
}
