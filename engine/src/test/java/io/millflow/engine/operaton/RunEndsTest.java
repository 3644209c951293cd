package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunEndsTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static final String ONE_STEP = TestFlows.sequence("one", "Step", "step");

  @Test
  void aCompletedRunIsToldOnceWithItsProcessAfterTheCompletionCommitted() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", ONE_STEP);
    List<String> told = new CopyOnWriteArrayList<>();
    List<Long> runningWhenTold = new CopyOnWriteArrayList<>();
    engine.openWorkers(
        List.of(
            new io.millflow.engine.port.TaskWorker(
                "step", Duration.ofSeconds(30), List.of(), EngineFixture.completing(Map.of()))),
        (processId, instance) -> {
          told.add(processId + "/" + instance);
          runningWhenTold.add(
              EngineFixture.operaton("w1")
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instance)
                  .count());
          return new AttemptOutcome.Completed(Map.of(), null);
        });

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> told.contains("one/" + instance));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> told.size() == 1);
    assertThat(runningWhenTold).containsExactly(0L);
  }

  @Test
  void aCancelledRunIsNotToldAsCompletedAndCancellingItAgainIsNoError() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", ONE_STEP);
    fixture.openWorkers(
        engine,
        Map.of("step", (task, lease) -> new AttemptOutcome.HandBack(Duration.ofMinutes(5))),
        Duration.ofSeconds(30));
    String instance = engine.start("one", Map.of());
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handedFor(instance).size() == 1);

    engine.cancel(instance);
    engine.cancel(instance);

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> fixture.runEnds.isEmpty());
    assertThat(
            EngineFixture.operaton("w1")
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .isZero();
  }

  @Test
  void anEndTheHandlerCouldNotRecordIsToldAgainLater() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", ONE_STEP);
    AtomicInteger calls = new AtomicInteger();
    List<String> recorded = new CopyOnWriteArrayList<>();
    RunEndHandler flaky =
        (processId, instance) ->
            switch (calls.incrementAndGet()) {
              case 1 -> new AttemptOutcome.HandBack(Duration.ofMillis(200));
              case 2 -> throw new IllegalStateException("store unreachable");
              default -> {
                recorded.add(instance);
                yield new AttemptOutcome.Completed(Map.of(), null);
              }
            };
    engine.openWorkers(
        List.of(
            new io.millflow.engine.port.TaskWorker(
                "step", Duration.ofSeconds(30), List.of(), EngineFixture.completing(Map.of()))),
        flaky);

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(30)).until(() -> recorded.contains(instance));
    assertThat(calls).hasValue(3);
  }

  @Test
  void runsThatEndedWhileNoWorkerWasOpenAreHandedOverAtTheNextStart() {
    OperatonEngine before = fixture.engine("before");
    before.deploy(
        "nothing",
        TestFlows.process(
            "nothing",
            "<bpmn:startEvent id=\"Start\" /><bpmn:endEvent id=\"End\" />"
                + TestFlows.flow("F1", "Start", "End")));
    String ended = before.start("nothing", Map.of());
    before.close();

    OperatonEngine after = fixture.engine("after");
    after.openWorkers(List.of(), fixture.recordingRunEnds());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(ended));
    assertThat(fixture.runEnds).containsExactly(ended);
  }
}
