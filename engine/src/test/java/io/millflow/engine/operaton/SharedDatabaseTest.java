package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TimersTest.scheduled;
import static io.millflow.engine.operaton.TimersTest.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.Message;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

class SharedDatabaseTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static TaskHandler slowCompleting(java.util.concurrent.atomic.AtomicInteger count) {
    return (task, lease) -> {
      count.incrementAndGet();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new AttemptOutcome.Completed(Map.of("by", Thread.currentThread().getName()), null);
    };
  }

  @Test
  void twoEnginesOnOneDatabaseBothTakeTasksOfOneRunStream() {
    OperatonEngine a = fixture.engine("a");
    OperatonEngine b = fixture.engine("b");
    a.deploy("three", TestFlows.sequence("three", "One", "one", "Two", "two", "Three", "three"));
    var byA = new java.util.concurrent.atomic.AtomicInteger();
    var byB = new java.util.concurrent.atomic.AtomicInteger();
    fixture.openWorkers(
        a,
        Map.of(
            "one", slowCompleting(byA), "two", slowCompleting(byA), "three", slowCompleting(byA)),
        Duration.ofSeconds(30));
    fixture.openWorkers(
        b,
        Map.of(
            "one", slowCompleting(byB), "two", slowCompleting(byB), "three", slowCompleting(byB)),
        Duration.ofSeconds(30));

    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      instances.add((i % 2 == 0 ? a : b).start("three", Map.of()));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> fixture.runEnds.containsAll(instances));
    assertThat(fixture.runEnds).hasSize(40).doesNotHaveDuplicates();
    assertThat(byA.get() + byB.get()).isEqualTo(120);
    assertThat(byA.get()).isPositive();
    assertThat(byB.get()).isPositive();
  }

  @Test
  void aTaskLockedByAWorkerThatDiedIsTakenAgainWhenItsLockRunsOut() {
    OperatonEngine engine = fixture.engine("alive");
    engine.deploy("one", TestFlows.sequence("one", "Step", "step"));
    String instance = engine.start("one", Map.of());
    List<LockedExternalTask> taken =
        EngineFixture.operaton("alive")
            .getExternalTaskService()
            .fetchAndLock(1, "dead")
            .topic("step", 1500)
            .execute();
    assertThat(taken).hasSize(1);
    Instant lockEnds = Instant.now().plusMillis(1500);

    fixture.openWorkers(
        engine, Map.of("step", EngineFixture.completing(Map.of())), Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(Instant.now()).isAfter(lockEnds);
    assertThat(fixture.handedFor(instance))
        .singleElement()
        .satisfies(task -> assertThat(task.key()).isEqualTo(taken.get(0).getId()));
  }

  @Test
  void aTimerStartEventFiresOncePerTickWithTwoEngines() {
    OperatonEngine a = fixture.engine("a");
    fixture.engine("b");
    a.deploy("ticks", scheduled("ticks", "* * * * * *"));

    await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);

    List<Instant> starts =
        started("a", "ticks").stream().map(i -> i.getStartTime().toInstant()).sorted().toList();
    // one a second: about 5 in 5 s (the first tick may come late), never two engines' worth (10)
    assertThat(starts).hasSizeBetween(3, 6);
  }

  @Test
  void instancesWaitingOnATimerAndAMessageGoOnAfterTheEngineIsClosedAndStartedAgain()
      throws Exception {
    OperatonEngine first = fixture.engine("first");
    first.deploy("orders", MessagesTest.FLOW);
    first.deploy(
        "waits",
        TestFlows.process(
            "waits",
            """
        <bpmn:startEvent id="Start" />
        <bpmn:intermediateCatchEvent id="Pause">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2S</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="End" />
        """
                + TestFlows.flow("F1", "Start", "Pause")
                + TestFlows.flow("F2", "Pause", "End")));
    fixture.openWorkers(
        first,
        Map.of(
            "book", EngineFixture.completing(Map.of()), "ship", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));
    String waitingForMessage = first.start("orders", Map.of("orderId", "R-1"));
    String waitingForTimer = first.start("waits", Map.of());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                EngineFixture.operaton("first")
                        .getRuntimeService()
                        .createExecutionQuery()
                        .processInstanceId(waitingForMessage)
                        .activityId("WaitPaid")
                        .count()
                    == 1);
    first.close();

    OperatonEngine second = fixture.engine("second");
    fixture.openWorkers(
        second,
        Map.of(
            "book", EngineFixture.completing(Map.of()), "ship", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));
    second.publish(new Message("order-paid", "R-1", "paid-R-1", Duration.ofMinutes(1), Map.of()));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.runEnds.containsAll(List.of(waitingForMessage, waitingForTimer)));
    assertThat(fixture.handedFor(waitingForMessage))
        .extracting(t -> t.type())
        .containsExactly("book", "ship");
  }
}
