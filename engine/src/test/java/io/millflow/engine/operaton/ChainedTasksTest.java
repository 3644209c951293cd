package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChainedTasksTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private final Map<String, String> threadOf = new ConcurrentHashMap<>();

  /** Completes and records the thread the attempt ran on, by element; passes "seen" along. */
  private TaskHandler recordingThread() {
    return (task, lease) -> {
      threadOf.put(task.elementId(), Thread.currentThread().getName());
      Object seen = task.variables().getOrDefault("seen", "");
      return new AttemptOutcome.Completed(Map.of("seen", seen + task.elementId()), null);
    };
  }

  @Test
  void anInstanceStartedWithAFreeSlotRunsEveryTaskOnOneThreadWithoutAFetchWithItsVariables() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy(
        "three", TestFlows.sequence("three", "One", "one", "Two", "two", "Three", "three"));
    fixture.openWorkers(
        engine,
        Map.of("one", recordingThread(), "two", recordingThread(), "three", recordingThread()),
        Duration.ofSeconds(30));

    awaitNothingWaiting(engine);
    String instance = engine.start("three", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    // The attempt pool makes a new thread for every task it is handed until all its 8 exist: a task
    // fetched and handed to it would run on a thread of its own.
    assertThat(threadOf.get("Two")).isEqualTo(threadOf.get("One"));
    assertThat(threadOf.get("Three")).isEqualTo(threadOf.get("One"));
    assertThat(fixture.handedFor(instance))
        .extracting(task -> task.variables().get("seen"))
        .containsExactly(null, "One", "OneTwo");
    assertThat(engine.tasksFetched()).as("tasks locked by a fetch").isZero();
  }

  @Test
  void anInstancesFirstTaskHandedOnByItsStartRunsOnlyOnceTheStartersRecordIsDone()
      throws Exception {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", TestFlows.sequence("one", "Only", "only"));
    Map<String, Boolean> recordedBeforeAttempt = new ConcurrentHashMap<>();
    Map<String, Boolean> recorded = new ConcurrentHashMap<>();
    fixture.openWorkers(
        engine,
        Map.of(
            "only",
            (task, lease) -> {
              recordedBeforeAttempt.put(
                  task.instanceKey(), recorded.containsKey(task.instanceKey()));
              return new AttemptOutcome.Completed(Map.of(), null);
            }),
        Duration.ofSeconds(30));
    awaitNothingWaiting(engine);

    String instance =
        engine.start(
            "one",
            Map.of(),
            key -> {
              try {
                Thread.sleep(300); // a starter slow to record: the task must not run meanwhile
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              recorded.put(key, true);
              return key;
            });

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(recordedBeforeAttempt).containsExactly(Map.entry(instance, true));
    assertThat(engine.tasksFetched()).as("tasks locked by a fetch").isZero();
  }

  @Test
  void aStarterWhoseRecordFailsStillHasItsInstanceRun() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", TestFlows.sequence("one", "Only", "only"));
    fixture.openWorkers(engine, Map.of("only", recordingThread()), Duration.ofSeconds(30));
    awaitNothingWaiting(engine);
    List<String> started = new ArrayList<>();

    assertThatThrownBy(
            () ->
                engine.start(
                    "one",
                    Map.of(),
                    key -> {
                      started.add(key);
                      throw new IllegalStateException("the state store is gone");
                    }))
        .hasMessage("the state store is gone");

    assertThat(started).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.runEnds.contains(started.getFirst()));
  }

  @Test
  void aCompletionThatCreatesTwoTasksHandsOneOnAndLeavesTheOtherToTheFetch() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("split", split());
    fixture.openWorkers(
        engine,
        Map.of("a", recordingThread(), "b", recordingThread(), "c", recordingThread()),
        Duration.ofSeconds(30));

    awaitNothingWaiting(engine);
    String instance = engine.start("split", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .extracting(task -> task.elementId())
        .containsExactlyInAnyOrder("A", "B", "C");
    assertThat(List.of(threadOf.get("B"), threadOf.get("C")))
        .as("one branch on A's thread, the other fetched")
        .containsOnlyOnce(threadOf.get("A"));
    assertThat(engine.tasksFetched()).as("tasks locked by a fetch").isEqualTo(1);
  }

  @Test
  void aTaskOfATypeThisInstanceHasNoWorkerForIsLeftToTheInstanceThatHas() {
    OperatonEngine first = fixture.engine("first");
    OperatonEngine second = fixture.engine("second");
    first.deploy("two", TestFlows.sequence("two", "One", "one", "Two", "two"));
    fixture.openWorkers(first, Map.of("one", recordingThread()), Duration.ofSeconds(30));
    fixture.openWorkers(second, Map.of("two", recordingThread()), Duration.ofSeconds(30));

    awaitNothingWaiting(first);
    String instance = first.start("two", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(threadOf.get("One")).startsWith("operaton-attempt-first-");
    assertThat(threadOf.get("Two")).startsWith("operaton-attempt-second-");
    assertThat(first.tasksFetched()).as("tasks the first engine fetched").isZero();
    assertThat(second.tasksFetched()).as("tasks the second engine fetched").isEqualTo(1);
  }

  @Test
  void anInstanceStartedWhileEveryAttemptSlotIsTakenHasItsFirstTaskFetched() throws Exception {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", TestFlows.sequence("one", "Only", "only"));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    fixture.openWorkers(
        engine,
        Map.of(
            "only",
            (task, lease) -> {
              if (started.incrementAndGet() <= 8) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return new AttemptOutcome.Completed(Map.of(), null);
            }),
        Duration.ofSeconds(30));
    awaitNothingWaiting(engine);
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      instances.add(engine.start("one", Map.of()));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> started.get() == 8);

    instances.add(engine.start("one", Map.of()));
    release.countDown();

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.containsAll(instances));
    assertThat(engine.tasksFetched()).as("the ninth instance's task, fetched").isEqualTo(1);
  }

  @Test
  void aLongChainLeavesItsSlotToATaskThatWaitsOnceItsBudgetIsSpent() {
    OperatonEngine engine = fixture.engine("single", 1);
    String[] ids = new String[16];
    for (int i = 0; i < 8; i++) {
      ids[2 * i] = "Long" + i;
      ids[2 * i + 1] = "slow";
    }
    engine.deploy("long", TestFlows.sequence("long", ids));
    engine.deploy("short", TestFlows.sequence("short", "Short", "quick"));
    TaskHandler slow =
        (task, lease) -> {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new AttemptOutcome.Completed(Map.of(), null);
        };
    fixture.openWorkers(
        engine,
        Map.of("slow", slow, "quick", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));

    String longRun = engine.start("long", Map.of());
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handedFor(longRun).size() >= 2);
    String shortRun = engine.start("short", Map.of());

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.runEnds.contains(longRun));
    // 8 steps of 300 ms on the only slot: 2.4 s, past the chain's budget of 1 s
    assertThat(fixture.runEnds).as("run ends in order").containsSubsequence(shortRun, longRun);
  }

  @Test
  void aMappingOverValuesTheCompletionSetGivesTheNextTaskWhatAFetchWould() {
    OperatonEngine engine = fixture.engine("w1");
    String flow =
        TestFlows.process(
            "mapped",
            String.join(
                "\n",
                "<bpmn:startEvent id=\"Start\" />",
                TestFlows.serviceTask("Make", "make", ""),
                TestFlows.serviceTask(
                    "Use",
                    "use",
                    "<zeebe:ioMapping><zeebe:input source=\"=made.records\" target=\"records\" />"
                        + "</zeebe:ioMapping>"),
                "<bpmn:endEvent id=\"End\" />",
                TestFlows.flow("F1", "Start", "Make"),
                TestFlows.flow("F2", "Make", "Use"),
                TestFlows.flow("F3", "Use", "End")));
    engine.deploy("mapped", flow);
    Map<String, Object> made =
        Map.of("records", List.of(Map.of("key", "A-1", "count", 2), Map.of("key", "A-2")));
    fixture.openWorkers(
        engine,
        Map.of(
            "make",
            (task, lease) -> {
              threadOf.put(task.elementId(), Thread.currentThread().getName());
              return new AttemptOutcome.Completed(Map.of("made", made), null);
            },
            "use",
            recordingThread()),
        Duration.ofSeconds(30));

    awaitNothingWaiting(engine);
    String instance = engine.start("mapped", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(threadOf.get("Use")).isEqualTo(threadOf.get("Make"));
    assertThat(fixture.handedFor(instance).get(1).variables())
        .containsEntry("records", List.of(Map.of("key", "A-1", "count", 2), Map.of("key", "A-2")))
        .containsEntry("made", made);
  }

  /** Until the engine's first fetch found no task waiting: until then a start hands nothing on. */
  private static void awaitNothingWaiting(OperatonEngine engine) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine.tasksMayWait());
  }

  /** start → A → parallel split → B and C → join → end */
  private static String split() {
    return TestFlows.process(
        "split",
        String.join(
            "\n",
            "<bpmn:startEvent id=\"Start\" />",
            TestFlows.serviceTask("A", "a", ""),
            "<bpmn:parallelGateway id=\"Fork\" />",
            TestFlows.serviceTask("B", "b", ""),
            TestFlows.serviceTask("C", "c", ""),
            "<bpmn:parallelGateway id=\"Join\" />",
            "<bpmn:endEvent id=\"End\" />",
            TestFlows.flow("F1", "Start", "A"),
            TestFlows.flow("F2", "A", "Fork"),
            TestFlows.flow("F3", "Fork", "B"),
            TestFlows.flow("F4", "Fork", "C"),
            TestFlows.flow("F5", "B", "Join"),
            TestFlows.flow("F6", "C", "Join"),
            TestFlows.flow("F7", "Join", "End")));
  }
}
