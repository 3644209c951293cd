package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallActivityTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static final String CHILD = TestFlows.sequence("child", "Price", "price");

  /**
   * start → Call (the child, named by its flow id) → Report → end, as a tenant's flow (process id
   * t1.parent).
   */
  private static String parent(String processId, String calledElement) {
    return process(
        processId,
        """
        <bpmn:startEvent id="Start" />
        <bpmn:callActivity id="Call">
          <bpmn:extensionElements>
            %s
            <zeebe:ioMapping>
              <zeebe:input source="=order.id" target="orderId" />
              <zeebe:output source="=price * 2" target="doubled" />
            </zeebe:ioMapping>
          </bpmn:extensionElements>
        </bpmn:callActivity>
        %s
        <bpmn:endEvent id="End" />
        """
                .formatted(calledElement, TestFlows.serviceTask("Report", "report", ""))
            + flow("F1", "Start", "Call")
            + flow("F2", "Call", "Report")
            + flow("F3", "Report", "End"));
  }

  private OperatonEngine engineWith(Map<String, TaskHandler> handlers, String... idsAndFlows) {
    OperatonEngine engine = fixture.engine("w1");
    for (int i = 0; i < idsAndFlows.length; i += 2) {
      engine.deploy(idsAndFlows[i], idsAndFlows[i + 1]);
    }
    fixture.openWorkers(engine, handlers, Duration.ofSeconds(30));
    return engine;
  }

  private List<ActivatedTask> handed(String type) {
    return fixture.handed.stream().filter(task -> task.type().equals(type)).toList();
  }

  @Test
  void theChildOfTheSameTenantGetsOnlyTheMappedInputAndItsResultComesBackThroughTheOutputMapping() {
    String parent =
        parent(
            "t1.parent",
            "<zeebe:calledElement processId=\"child\" propagateAllParentVariables=\"false\" />");
    OperatonEngine engine =
        engineWith(
            Map.of(
                "price", EngineFixture.completing(Map.of("price", 21)),
                "report", EngineFixture.completing(Map.of())),
            "t1.child",
            CHILD.replace("id=\"child\"", "id=\"t1.child\""),
            "child",
            TestFlows.sequence("child", "Other", "other"),
            "t1.parent",
            parent);

    String instance =
        engine.start("t1.parent", Map.of("order", Map.of("id", 7), "secretOfParent", "x"));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    ActivatedTask price = handed("price").get(0);
    assertThat(price.processId()).isEqualTo("t1.child");
    assertThat(price.variables())
        .containsEntry("orderId", 7L)
        .doesNotContainKeys("order", "secretOfParent");
    assertThat(handed("other")).isEmpty();
    assertThat(handedFor(instance, "report").variables())
        .containsEntry("doubled", 42L)
        .doesNotContainKey("price");
  }

  @Test
  void withoutOutputMappingsAllTheChildsVariablesComeBackAndTheChildSeesAllOfTheParents() {
    String parent =
        process(
            "parent",
            """
        <bpmn:startEvent id="Start" />
        <bpmn:callActivity id="Call">
          <bpmn:extensionElements><zeebe:calledElement processId="child" /></bpmn:extensionElements>
        </bpmn:callActivity>
        %s
        <bpmn:endEvent id="End" />
        """
                    .formatted(TestFlows.serviceTask("Report", "report", ""))
                + flow("F1", "Start", "Call")
                + flow("F2", "Call", "Report")
                + flow("F3", "Report", "End"));
    OperatonEngine engine =
        engineWith(
            Map.of(
                "price",
                EngineFixture.completing(Map.of("price", 21)),
                "report",
                EngineFixture.completing(Map.of())),
            "child",
            CHILD,
            "parent",
            parent);

    String instance = engine.start("parent", Map.of("order", Map.of("id", 7)));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));

    assertThat(handed("price").get(0).variables()).containsKey("order");
    assertThat(handedFor(instance, "report").variables()).containsEntry("price", 21);
  }

  @Test
  void aFailingChildHoldsTheIncidentAndTheParentWaitsUntilTheChildIsRetried() {
    AtomicInteger attempts = new AtomicInteger();
    OperatonEngine engine =
        engineWith(
            Map.of(
                "price",
                (task, lease) ->
                    attempts.incrementAndGet() == 1
                        ? new AttemptOutcome.Incident("down", "the price list is down")
                        : new AttemptOutcome.Completed(Map.of("price", 5), null),
                "report",
                EngineFixture.completing(Map.of())),
            "child",
            CHILD,
            "parent",
            parent("parent", "<zeebe:calledElement processId=\"child\" />"));

    String instance = engine.start("parent", Map.of("order", Map.of("id", 7)));
    await().atMost(Duration.ofSeconds(30)).until(() -> !handed("price").isEmpty());
    String child = handed("price").get(0).instanceKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> !engine.openIncidents(child).isEmpty());

    assertThat(engine.openIncidents(child).get(0).elementId()).isEqualTo("Price");
    assertThat(engine.openIncidents(instance)).isEmpty();
    assertThat(fixture.runEnds).doesNotContain(instance);

    engine.retry(child, 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(instance));
    assertThat(handedFor(instance, "report").variables()).containsEntry("doubled", 10L);
  }

  private ActivatedTask handedFor(String instance, String type) {
    return fixture.handedFor(instance).stream()
        .filter(task -> task.type().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
