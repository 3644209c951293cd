package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.definitions;
import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;

class MessagesTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  /**
   * Starts at "order-created" (message start) or by hand; waits at "order-paid" for its order id.
   */
  static final String FLOW =
      definitions(
          """
      <bpmn:message id="Created" name="order-created" />
      <bpmn:message id="Paid" name="order-paid">
        <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
      </bpmn:message>
      <bpmn:process id="orders" isExecutable="true">
        <bpmn:startEvent id="Start" />
        <bpmn:startEvent id="OnCreated"><bpmn:messageEventDefinition messageRef="Created" /></bpmn:startEvent>
        %s
        <bpmn:intermediateCatchEvent id="WaitPaid"><bpmn:messageEventDefinition messageRef="Paid" /></bpmn:intermediateCatchEvent>
        %s
        <bpmn:endEvent id="End" />
        %s
      </bpmn:process>"""
              .formatted(
                  serviceTask("Book", "book", ""),
                  serviceTask("Ship", "ship", ""),
                  flow("F1", "Start", "Book")
                      + flow("F2", "OnCreated", "Book")
                      + flow("F3", "Book", "WaitPaid")
                      + flow("F4", "WaitPaid", "Ship")
                      + flow("F5", "Ship", "End")));

  private OperatonEngine engine() {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("orders", FLOW);
    fixture.openWorkers(
        engine,
        Map.of(
            "book", EngineFixture.completing(Map.of()), "ship", EngineFixture.completing(Map.of())),
        Duration.ofSeconds(30));
    return engine;
  }

  private static Message message(
      String name, String key, String id, Duration ttl, Map<String, Object> variables) {
    return new Message(name, key, id, ttl, variables);
  }

  private static long instances(String processId) {
    return EngineFixture.operaton("w1")
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processId)
        .count();
  }

  /**
   * Whether the instance waits at the catch with its subscription open. The catch is async before
   * (its correlation key is evaluated in a job), so the execution stands at "WaitPaid" before the
   * subscription exists; a message without time to live published then finds no one.
   */
  private static boolean waitingAtPaid(String instance) {
    return EngineFixture.operaton("w1")
            .getRuntimeService()
            .createEventSubscriptionQuery()
            .processInstanceId(instance)
            .eventType("message")
            .eventName("order-paid")
            .activityId("WaitPaid")
            .count()
        == 1;
  }

  /** Waits for the condition; on timeout, says where each instance stands and why. */
  private static void awaitUntil(String what, Callable<Boolean> condition, String... instances) {
    try {
      await().atMost(Duration.ofSeconds(20)).until(condition);
    } catch (ConditionTimeoutException e) {
      StringBuilder states = new StringBuilder(what + " did not happen within 20 s.");
      for (String instance : instances) {
        states.append(System.lineSeparator()).append(stateOf(instance));
      }
      throw new AssertionError(states.toString(), e);
    }
  }

  /** An instance's current activities, message subscriptions, jobs and incidents. */
  private static String stateOf(String instance) {
    var operaton = EngineFixture.operaton("w1");
    var runtime = operaton.getRuntimeService();
    List<String> activities =
        runtime.createExecutionQuery().processInstanceId(instance).list().stream()
            .map(execution -> String.valueOf(((ExecutionEntity) execution).getActivityId()))
            .toList();
    List<String> subscriptions =
        runtime.createEventSubscriptionQuery().processInstanceId(instance).list().stream()
            .map(sub -> sub.getEventName() + " at " + sub.getActivityId())
            .toList();
    List<String> jobs =
        operaton.getManagementService().createJobQuery().processInstanceId(instance).list().stream()
            .map(
                job ->
                    job.getId() + " retries " + job.getRetries() + " " + job.getExceptionMessage())
            .toList();
    List<String> incidents =
        runtime.createIncidentQuery().processInstanceId(instance).list().stream()
            .map(incident -> incident.getActivityId() + ": " + incident.getIncidentMessage())
            .toList();
    return "instance %s: activities %s, subscriptions %s, jobs %s, incidents %s"
        .formatted(instance, activities, subscriptions, jobs, incidents);
  }

  @Test
  void aMessageStartEventStartsAnInstanceWithTheMessagesVariables() {
    OperatonEngine engine = engine();

    engine.publish(
        message("order-created", "", "m1", Duration.ZERO, Map.of("orderId", "A-1", "lines", 3)));

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handed.size() == 1);
    ActivatedTask book = fixture.handed.get(0);
    assertThat(book.type()).isEqualTo("book");
    assertThat(book.variables()).containsEntry("orderId", "A-1").containsEntry("lines", 3);
  }

  @Test
  void aWaitingInstanceGetsTheMessageWithItsCorrelationKeyOnly() {
    OperatonEngine engine = engine();
    String a = engine.start("orders", Map.of("orderId", "A"));
    String b = engine.start("orders", Map.of("orderId", "B"));
    awaitUntil("Both waiting at WaitPaid", () -> waitingAtPaid(a) && waitingAtPaid(b), a, b);

    engine.publish(message("order-paid", "B", "p-B", Duration.ZERO, Map.of("paidAt", "today")));

    awaitUntil("The end of " + b, () -> fixture.runEnds.contains(b), b);
    assertThat(fixture.handedFor(b).get(1).variables()).containsEntry("paidAt", "today");
    assertThat(waitingAtPaid(a)).isTrue();
  }

  @Test
  void aMessagePublishedBeforeTheInstanceArrivesIsHeldAndCorrelatesWhenItDoes() {
    OperatonEngine engine = engine();

    engine.publish(
        message("order-paid", "C", "p-C", Duration.ofMinutes(1), Map.of("paidAt", "early")));
    String c = engine.start("orders", Map.of("orderId", "C"));

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(c));
    assertThat(fixture.handedFor(c).get(1).variables()).containsEntry("paidAt", "early");
  }

  @Test
  void aHeldMessageExpiresAfterItsTimeToLive() {
    OperatonEngine engine = engine();

    engine.publish(message("order-paid", "D", "p-D", Duration.ofMillis(300), Map.of()));
    await().pollDelay(Duration.ofMillis(800)).until(() -> true);
    String d = engine.start("orders", Map.of("orderId", "D"));

    await().atMost(Duration.ofSeconds(20)).until(() -> waitingAtPaid(d));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> waitingAtPaid(d));
  }

  @Test
  void aMessageWithoutTimeToLiveThatFindsNoOneIsDropped() {
    OperatonEngine engine = engine();

    engine.publish(message("order-paid", "E", "p-E", Duration.ZERO, Map.of()));
    String e = engine.start("orders", Map.of("orderId", "E"));

    await().atMost(Duration.ofSeconds(20)).until(() -> waitingAtPaid(e));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> waitingAtPaid(e));
  }

  @Test
  void aMessageIdPublishedAgainWithinItsTimeToLiveIsDropped() {
    OperatonEngine engine = engine();

    engine.publish(
        message("order-created", "", "created-1", Duration.ofMinutes(1), Map.of("orderId", "F")));
    engine.publish(
        message("order-created", "", "created-1", Duration.ofMinutes(1), Map.of("orderId", "F")));
    engine.publish(
        message("order-created", "", "created-2", Duration.ofMinutes(1), Map.of("orderId", "G")));

    await().atMost(Duration.ofSeconds(20)).until(() -> instances("orders") == 2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> instances("orders") == 2);
  }

  @Test
  void aHeldMessageCorrelatesOnceToAProcessAsInZeebe() {
    OperatonEngine engine = engine();

    engine.publish(message("order-paid", "H", "p-H", Duration.ofMinutes(1), Map.of()));
    String first = engine.start("orders", Map.of("orderId", "H"));
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(first));
    String second = engine.start("orders", Map.of("orderId", "H"));

    await().atMost(Duration.ofSeconds(20)).until(() -> waitingAtPaid(second));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> waitingAtPaid(second));
  }
}
