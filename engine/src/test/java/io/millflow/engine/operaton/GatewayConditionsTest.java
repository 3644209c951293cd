package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static io.millflow.engine.operaton.TestFlows.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.FlowRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayConditionsTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static String gatewayFlow(String condition) {
    return process(
        "route",
        """
        <bpmn:startEvent id="Start" />
        <bpmn:exclusiveGateway id="Route" default="ToSmall" />
        %s
        %s
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="ToBig" sourceRef="Route" targetRef="Big">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """
                .formatted(
                    serviceTask("Big", "big", ""), serviceTask("Small", "small", ""), condition)
            + flow("F1", "Start", "Route")
            + flow("ToSmall", "Route", "Small")
            + flow("F3", "Big", "End")
            + flow("F4", "Small", "End"));
  }

  private OperatonEngine engineFor(String condition) {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("route", gatewayFlow(condition));
    fixture.openWorkers(
        engine,
        Map.of(
            "big", EngineFixture.completing(Map.of()), "small", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));
    return engine;
  }

  @Test
  void aFeelConditionPicksTheBranchAndTheDefaultFlowTakesTheRest() {
    OperatonEngine engine = engineFor("=amount &gt; 100");

    String big = engine.start("route", Map.of("amount", 150));
    String small = engine.start("route", Map.of("amount", 5));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.runEnds.containsAll(List.of(big, small)));

    assertThat(fixture.handedFor(big)).extracting(ActivatedTask::type).containsExactly("big");
    assertThat(fixture.handedFor(small)).extracting(ActivatedTask::type).containsExactly("small");
  }

  @Test
  void aConditionThatFailsStopsAtAnIncidentOnTheGatewayNamingTheFlow() {
    OperatonEngine engine = engineFor("=amount &gt; 100");

    String instance = engine.start("route", Map.of("amount", "not a number"));

    await().atMost(Duration.ofSeconds(30)).until(() -> !engine.openIncidents(instance).isEmpty());
    EngineIncident incident = engine.openIncidents(instance).get(0);
    assertThat(incident.elementId()).isEqualTo("Route");
    assertThat(incident.message()).contains("ToBig").contains("amount > 100");
    assertThat(fixture.handedFor(instance)).isEmpty();
    assertThat(fixture.runEnds).doesNotContain(instance);
  }

  @Test
  void anIncidentOnAGatewayIsRetriedOnceTheDataIsFixed() {
    OperatonEngine engine = engineFor("=amount &gt; 100");
    String instance = engine.start("route", Map.of("amount", "not a number"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !engine.openIncidents(instance).isEmpty());

    EngineFixture.operaton("w1").getRuntimeService().setVariable(instance, "amount", 500);
    engine.retry(instance, 1);

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance)).extracting(ActivatedTask::type).containsExactly("big");
    assertThat(engine.openIncidents(instance)).isEmpty();
  }

  @Test
  void aConditionThatIsNotFeelFailsTheDeployNamingTheFlow() {
    OperatonEngine engine = fixture.engine("w1");

    assertThatThrownBy(() -> engine.deploy("route", gatewayFlow("=amount &gt;&gt; 100")))
        .isInstanceOf(FlowRefusedException.class)
        .satisfies(
            e ->
                assertThat(((FlowRefusedException) e).problems())
                    .anySatisfy(
                        problem -> {
                          assertThat(problem.elementId()).isEqualTo("ToBig");
                          assertThat(problem.reason())
                              .contains("amount >> 100")
                              .contains("does not parse");
                        }));
  }
}
