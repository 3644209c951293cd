package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static io.millflow.engine.operaton.TestFlows.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.history.HistoricProcessInstance;

class TimersTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  /** A none start and a timer start on one process, as every shipped flow has. */
  static String scheduled(String processId, String cycle) {
    return process(
        processId,
        """
        <bpmn:startEvent id="Start" />
        <bpmn:startEvent id="Schedule">
          <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">%s</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:startEvent>
        %s
        <bpmn:endEvent id="End" />
        """
                .formatted(cycle, serviceTask("Step", "step", ""))
            + flow("F1", "Start", "Step")
            + flow("F2", "Schedule", "Step")
            + flow("F3", "Step", "End"));
  }

  static List<HistoricProcessInstance> started(String workerName, String processId) {
    return EngineFixture.operaton(workerName)
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processId)
        .list();
  }

  @Test
  void aTimerStartEventFiresItsCycleWhileStartUsesTheNoneStartEvent() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("scheduled", scheduled("scheduled", "R/PT1S"));
    fixture.openWorkers(
        engine, Map.of("step", EngineFixture.completing(Map.of())), Duration.ofSeconds(30));

    String byHand = engine.start("scheduled", Map.of());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                started("w1", "scheduled").stream()
                        .filter(instance -> "Schedule".equals(instance.getStartActivityId()))
                        .count()
                    >= 2);
    assertThat(started("w1", "scheduled"))
        .filteredOn(instance -> instance.getId().equals(byHand))
        .extracting(HistoricProcessInstance::getStartActivityId)
        .containsExactly("Start");
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.size() >= 3);
  }

  @Test
  void aSuspendedScheduleDoesNotFireUntilItIsResumed() throws InterruptedException {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("paused", scheduled("paused", "R/PT1S"));
    engine.suspendTimers("paused", true);
    fixture.openWorkers(
        engine, Map.of("step", EngineFixture.completing(Map.of())), Duration.ofSeconds(30));

    Thread.sleep(3_000); // three cycles
    assertThat(started("w1", "paused")).isEmpty();

    engine.suspendTimers("paused", false);
    await().atMost(Duration.ofSeconds(20)).until(() -> !started("w1", "paused").isEmpty());
  }

  @Test
  void aSixFieldCronAsZeebeWritesItFiresEverySecond() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("cron", scheduled("cron", "* * * * * *"));
    fixture.openWorkers(
        engine, Map.of("step", EngineFixture.completing(Map.of())), Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(20)).until(() -> started("w1", "cron").size() >= 2);
    assertThat(started("w1", "cron"))
        .extracting(HistoricProcessInstance::getStartActivityId)
        .containsOnly("Schedule");
  }

  @Test
  void aShippedFifteenMinuteCronIsScheduledOnTheQuarterHour() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("quarter", scheduled("quarter", "0 */15 * * * *"));

    var job =
        EngineFixture.operaton("w1")
            .getManagementService()
            .createJobQuery()
            .timers()
            .singleResult();
    var due = job.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getMinute() % 15).isZero();
    assertThat(due.getSecond()).isZero();
  }

  @Test
  void aTimerBoundaryEventAndADurationCatchEventFire() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy(
        "waits",
        process(
            "waits",
            """
        <bpmn:startEvent id="Start" />
        <bpmn:intermediateCatchEvent id="Pause">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        %s
        <bpmn:boundaryEvent id="TooSlow" attachedToRef="Slow">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        %s
        <bpmn:endEvent id="End" />
        <bpmn:endEvent id="GaveUp" />
        """
                    .formatted(
                        serviceTask("Slow", "slow", ""), serviceTask("Escalate", "escalate", ""))
                + flow("F1", "Start", "Pause")
                + flow("F2", "Pause", "Slow")
                + flow("F3", "Slow", "End")
                + flow("F4", "TooSlow", "Escalate")
                + flow("F5", "Escalate", "GaveUp")));
    fixture.openWorkers(
        engine,
        Map.of(
            "slow",
            (task, lease) -> new AttemptOutcome.HandBack(Duration.ofMinutes(5)),
            "escalate",
            EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));

    String instance = engine.start("waits", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .extracting(ActivatedTask::type)
        .containsExactly("slow", "escalate");
  }
}
