package io.millflow.engine.operaton;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.ActivityTypes;
import org.operaton.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Operaton's BPMN parse, for flows in the Camunda 8 dialect: refuses what is not translated before
 * parsing, lets the {@link ZeebeDialectListener} translate the rest, and accepts a none start event
 * next to timer start events (every shipped flow has both; Operaton refuses that as written,
 * ENGINE-09005): the none start event is the one {@code start()} uses, a timer starts the instance
 * at itself ({@link FiredTimerStartJobHandler}).
 */
final class ZeebeDialectParse extends BpmnParse {

  private final Translation translation;

  ZeebeDialectParse(BpmnParser parser, Translation translation) {
    super(parser);
    this.translation = translation;
    List<BpmnParseListener> listeners = new ArrayList<>(parseListeners);
    listeners.add(0, new ZeebeDialectListener(this, translation));
    parseListeners = listeners;
  }

  @Override
  protected void parseRootElement() {
    new DialectRefusals(
            rootElement, (element, elementId, reason) -> addError(reason, element, elementId))
        .check();
    if (!hasErrors()) {
      super.parseRootElement();
    }
  }

  @Override
  protected void selectInitial(
      List<ActivityImpl> startEvents,
      ProcessDefinitionEntity processDefinition,
      Element parentElement) {
    List<ActivityImpl> noneStarts =
        startEvents.stream()
            .filter(start -> "startEvent".equals(start.getProperties().get(BpmnProperties.TYPE)))
            .toList();
    if (noneStarts.size() > 1) {
      addError(
          "a process may have one none start event, not " + noneStarts.size(),
          parentElement,
          noneStarts.get(1).getId());
    }
    processDefinition.setInitial(
        !noneStarts.isEmpty()
            ? noneStarts.get(0)
            : startEvents.size() == 1 ? startEvents.get(0) : null);
  }

  /**
   * The multi-instance body of an activity with a zeebe:loopCharacteristics (checked by {@link
   * DialectRefusals}): parallel or sequential (the listener makes it a job when it meets the inner
   * activity).
   */
  @Override
  public ScopeImpl parseMultiInstanceLoopCharacteristics(Element activityElement, ScopeImpl scope) {
    Element characteristics = activityElement.element("multiInstanceLoopCharacteristics");
    if (characteristics == null) {
      return null;
    }
    String id = activityElement.attribute("id");
    ActivityImpl body = scope.createActivity(getIdForMiBody(id));
    setActivityAsyncDelegates(body);
    body.getProperties().set(BpmnProperties.TYPE, ActivityTypes.MULTI_INSTANCE_BODY);
    body.setScope(true);
    try {
      ZeebeLoop loop = loop(ZeebeExtensions.one(characteristics, "loopCharacteristics"), id);
      boolean sequential = "true".equals(characteristics.attribute("isSequential"));
      body.setActivityBehavior(
          sequential ? new ZeebeSequentialLoopBehavior(loop) : new ZeebeParallelLoopBehavior(loop));
      if (loop.outputCollection() != null) {
        IoMapping handOver = new IoMapping();
        handOver.addOutputParameter(loop.outputHandOver());
        body.setIoMapping(handOver);
      }
    } catch (FeelException e) {
      addError(e.getMessage(), characteristics, id);
    }
    for (BpmnParseListener listener : parseListeners) {
      listener.parseMultiInstanceLoopCharacteristics(activityElement, characteristics, body);
    }
    return body;
  }

  /**
   * A call activity with a zeebe:calledElement (checked by {@link DialectRefusals}); its ioMapping
   * is the listener's.
   */
  @Override
  public ActivityImpl parseCallActivity(Element element, ScopeImpl scope, boolean isMultiInstance) {
    ActivityImpl activity = createActivityOnScope(element, scope);
    Element called = ZeebeExtensions.one(element, "calledElement");
    Element mapping = ZeebeExtensions.one(element, "ioMapping");
    activity.setActivityBehavior(
        new ZeebeCallActivityBehavior(
            called.attribute("processId").trim(),
            !"false".equals(called.attribute("propagateAllParentVariables")),
            !"false".equals(called.attribute("propagateAllChildVariables")),
            !ZeebeExtensions.children(mapping, "output").isEmpty()));
    activity.setScope(true);
    for (BpmnParseListener listener : parseListeners) {
      listener.parseCallActivity(element, scope, activity);
    }
    return activity;
  }

  private ZeebeLoop loop(Element characteristics, String id) {
    Feel feel = translation.feel();
    String output = blankToNull(characteristics.attribute("outputCollection"));
    return new ZeebeLoop(
        id,
        feel.parse(characteristics.attribute("inputCollection"), id),
        blankToNull(characteristics.attribute("inputElement")),
        output,
        output == null ? null : feel.parse(characteristics.attribute("outputElement"), id));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** The document root, for the listener to find messages and errors by id. */
  Element root() {
    return rootElement;
  }
}
