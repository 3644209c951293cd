package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.millflow.engine.flow.Schedule.Kind;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schedules of a tenant's flows: every timer start event of each flow's latest version, with
 * its next fire time. The engine fires them; this only reads the BPMN, so it works the same on
 * every engine.
 */
@Singleton
public class Schedules {

  private final FlowService flows;
  private final SchedulePauses pauses;
  private final Clock clock;

  @Inject
  public Schedules(FlowService flows, SchedulePauses pauses) {
    this(flows, pauses, Clock.systemUTC());
  }

  Schedules(FlowService flows, SchedulePauses pauses, Clock clock) {
    this.flows = flows;
    this.pauses = pauses;
    this.clock = clock;
  }

  public List<Schedule> list(String tenantId) {
    Map<String, Instant> paused = pauses.paused(tenantId);
    List<Schedule> schedules = new ArrayList<>();
    for (FlowSummary flow : flows.list(tenantId)) {
      flows
          .latestBpmn(tenantId, flow.id())
          .ifPresent(bpmn -> schedules.addAll(of(flow, bpmn, paused.get(flow.id()))));
    }
    return schedules;
  }

  private List<Schedule> of(FlowSummary flow, String bpmn, Instant pausedAt) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
    List<Schedule> schedules = new ArrayList<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      start.getEventDefinitions().stream()
          .filter(TimerEventDefinition.class::isInstance)
          .map(TimerEventDefinition.class::cast)
          .forEach(timer -> schedules.add(schedule(flow, start, timer, pausedAt)));
    }
    return schedules;
  }

  private Schedule schedule(
      FlowSummary flow, StartEvent start, TimerEventDefinition timer, Instant pausedAt) {
    boolean isCycle = timer.getTimeCycle() != null;
    String expression =
        isCycle
            ? timer.getTimeCycle().getTextContent()
            : timer.getTimeDate() != null ? timer.getTimeDate().getTextContent() : "";
    Kind kind = TimerSchedule.kindOf(expression, isCycle);
    String note =
        kind == Kind.EXPRESSION
            ? "A FEEL expression: the engine evaluates it when it creates the timer."
            : null;
    Optional<Instant> next;
    try {
      next = TimerSchedule.nextFire(kind, expression, flow.deployedAt(), clock.instant());
    } catch (RuntimeException e) {
      next = Optional.empty();
      note = "The engine cannot read this timer: " + e.getMessage();
    }
    return new Schedule(
        flow.id(),
        flow.version(),
        start.getId(),
        start.getName(),
        kind,
        expression.strip(),
        pausedAt == null ? next.orElse(null) : null,
        note,
        pausedAt);
  }
}
