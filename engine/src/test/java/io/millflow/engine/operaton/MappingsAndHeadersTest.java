package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MappingsAndHeadersTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static final String FLOW =
      process(
          "mappings",
          """
      <bpmn:startEvent id="Start" />
      <bpmn:serviceTask id="Read">
        <bpmn:extensionElements>
          <zeebe:taskDefinition type="read" retries="5" />
          <zeebe:ioMapping>
            <zeebe:input source="=order.id" target="orderId" />
            <zeebe:input source="plex-sandbox" target="connection" />
            <zeebe:input source="=order.customer" target="sender.name" />
            <zeebe:input source="=orderId + 1" target="sender.next" />
          </zeebe:ioMapping>
          <zeebe:taskHeaders>
            <zeebe:header key="resultVariable" value="orders" />
            <zeebe:header key="note" value="a b" />
          </zeebe:taskHeaders>
        </bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:serviceTask id="Count">
        <bpmn:extensionElements>
          <zeebe:taskDefinition type="count" />
          <zeebe:ioMapping>
            <zeebe:output source="=result.count * 2" target="doubled" />
            <zeebe:output source="=result.count" target="summary.count" />
          </zeebe:ioMapping>
        </bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:serviceTask id="Check">
        <bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:endEvent id="End" />
      """
              + flow("F1", "Start", "Read")
              + flow("F2", "Read", "Count")
              + flow("F3", "Count", "Check")
              + flow("F4", "Check", "End"));

  @Test
  void inputMappingsHeadersAndRetriesReachTheTaskAsZeebeGivesThem() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("mappings", FLOW);
    fixture.openWorkers(
        engine,
        Map.of(
            "read", EngineFixture.completing(Map.of("orders", Map.of("count", 2))),
            "count", EngineFixture.completing(Map.of("result", Map.of("count", 21))),
            "check", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));

    String instance =
        engine.start(
            "mappings", Map.of("order", Map.of("id", 41, "customer", "ACME"), "other", "x"));
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));

    ActivatedTask read = fixture.handedFor(instance).get(0);
    assertThat(read.type()).isEqualTo("read");
    assertThat(read.processId()).isEqualTo("mappings");
    assertThat(read.elementId()).isEqualTo("Read");
    assertThat(read.retries()).isEqualTo(5);
    assertThat(read.headers()).isEqualTo(Map.of("resultVariable", "orders", "note", "a b"));
    assertThat(read.variables())
        .containsEntry("orderId", 41L)
        .containsEntry("connection", "plex-sandbox")
        .containsEntry("sender", Map.of("name", "ACME", "next", 42))
        .containsKey("order"); // a context is JSON: 42 reads back as int
    assertThat(fixture.handedFor(instance).get(1).retries()).isEqualTo(3);
  }

  @Test
  void completionVariablesGoToTheProcessWithoutOutputMappingsAndOnlyTheMappedOnesWithThem() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("mappings", FLOW);
    fixture.openWorkers(
        engine,
        Map.of(
            "read", EngineFixture.completing(Map.of("orders", Map.of("count", 2))),
            "count", EngineFixture.completing(Map.of("result", Map.of("count", 21))),
            "check", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));

    String instance =
        engine.start("mappings", Map.of("order", Map.of("id", 41, "customer", "ACME")));
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));

    Map<String, Object> seenByCheck = fixture.handedFor(instance).get(2).variables();
    assertThat(seenByCheck)
        .containsEntry("orders", Map.of("count", 2))
        .containsEntry("doubled", 42L)
        .containsEntry("summary", Map.of("count", 21))
        .doesNotContainKey("result")
        .doesNotContainKeys("orderId", "connection", "sender");
  }

  @Test
  void aWorkerReadsOnlyTheVariablesItNamesAndTheInputMappingsResults() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("mappings", FLOW);
    List<ActivatedTask> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    engine.openWorkers(
        List.of(
            new TaskWorker(
                "read",
                Duration.ofSeconds(30),
                List.of("other"),
                (task, lease) -> {
                  seen.add(task);
                  return new AttemptOutcome.HandBack(Duration.ofMinutes(5));
                })),
        fixture.recordingRunEnds());

    engine.start(
        "mappings",
        Map.of("order", Map.of("id", 1, "customer", "ACME"), "other", "x", "unread", "y"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());

    assertThat(seen.get(0).variables().keySet())
        .containsExactlyInAnyOrder("other", "orderId", "connection", "sender");
  }
}
