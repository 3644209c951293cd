package io.millflow.engine.operaton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.operaton.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.pvm.process.TransitionImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Translates the Camunda 8 dialect while Operaton parses a flow (the stored BPMN stays as
 * authored): task definitions and headers, FEEL input/output mappings and conditions, the output
 * elements of multi-instance activities, message correlation keys, the timer that started an
 * instance, and the run-end recorder. A FEEL expression that does not parse is a parse error at its
 * element.
 */
final class ZeebeDialectListener implements BpmnParseListener {

  private static final int DEFAULT_RETRIES = 3;

  private final ZeebeDialectParse parse;
  private final Translation translation;

  ZeebeDialectListener(ZeebeDialectParse parse, Translation translation) {
    this.parse = parse;
    this.translation = translation;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, translation.runEnded());
  }

  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    Element definition = ZeebeExtensions.one(element, "taskDefinition");
    if (definition == null) {
      return; // refused before parsing
    }
    String retries = definition.attribute("retries");
    int count =
        retries == null || retries.isBlank() ? DEFAULT_RETRIES : Integer.parseInt(retries.trim());
    activity.setActivityBehavior(
        new ZeebeServiceTaskBehavior(
            definition.attribute("type").trim(),
            count,
            translation.taskCreated(),
            translation.chains()));
    activity.setScope(true);
    activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES, headers(element));
    mapVariables(element, activity);
    collectLoopOutput(scope, activity);
  }

  @Override
  public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
    mapVariables(element, activity);
    collectLoopOutput(scope, activity);
  }

  @Override
  public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
    mapVariables(element, activity);
    collectLoopOutput(scope, activity);
  }

  @Override
  public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    mapVariables(element, activity);
  }

  @Override
  public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    mapVariables(element, activity);
  }

  @Override
  public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (element.attribute("messageRef") != null) {
      subscribe(element, activity.getId(), activity);
    }
    mapVariables(element, activity);
  }

  @Override
  public void parseIntermediateMessageCatchEventDefinition(
      Element definition, ActivityImpl activity) {
    subscribe(definition, activity.getId(), (ActivityImpl) activity.getEventScope());
  }

  @Override
  public void parseBoundaryMessageEventDefinition(
      Element definition, boolean interrupting, ActivityImpl activity) {
    subscribe(definition, activity.getId(), (ActivityImpl) activity.getEventScope());
  }

  @Override
  public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
    Element condition = element.element("conditionExpression");
    if (condition == null) {
      return;
    }
    try {
      FeelExpression expression =
          translation.feel().parse(condition.getText(), "sequence flow " + transition.getId());
      transition.setProperty(
          BpmnParse.PROPERTYNAME_CONDITION, new FeelCondition(expression, transition.getId()));
      // Zeebe stops at an incident on the gateway when a condition fails; run as a job, the gateway
      // does the same
      // (instead of failing the completion of the task before it).
      transition.getSource().setAsyncBefore(true);
    } catch (FeelException e) {
      parse.addError(e.getMessage(), element);
    }
  }

  @Override
  public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (element.element("timerEventDefinition") == null
        || !(scope instanceof ProcessDefinitionEntity process)) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<TimerDeclarationImpl> timers =
        (List<TimerDeclarationImpl>) process.getProperty(BpmnParse.PROPERTYNAME_START_TIMER);
    if (timers != null) {
      timers.stream()
          .filter(timer -> activity.getId().equals(timer.getActivityId()))
          .forEach(
              timer ->
                  timer.setRawJobHandlerConfiguration(
                      FiredTimerStartJobHandler.configuration(process.getKey(), activity.getId())));
    }
  }

  private static Map<String, String> headers(Element element) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Element header :
        ZeebeExtensions.children(ZeebeExtensions.one(element, "taskHeaders"), "header")) {
      headers.put(header.attribute("key"), header.attribute("value"));
    }
    return headers;
  }

  /**
   * The inner activity of a multi-instance body writes its output element when an instance
   * completes; the body runs as a job (set here: Operaton sets the body's async flags from the
   * inner activity's after the body is parsed), so an input collection that is not a list is an
   * incident there, as in Zeebe.
   */
  private static void collectLoopOutput(ScopeImpl scope, ActivityImpl activity) {
    if (scope instanceof ActivityImpl body
        && body.getActivityBehavior() instanceof ZeebeLoop.Behavior loop) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, loop.loop().outputCollector());
      body.setAsyncBefore(true);
    }
  }

  /**
   * zeebe:ioMapping as an Operaton IoMapping of FEEL parameters (the element becomes a scope, as in
   * Zeebe).
   */
  private void mapVariables(Element element, ActivityImpl activity) {
    Element mapping = ZeebeExtensions.one(element, "ioMapping");
    if (mapping == null) {
      return;
    }
    try {
      IoMapping ioMapping = new IoMapping();
      for (Element input : ZeebeExtensions.children(mapping, "input")) {
        ioMapping.addInputParameter(
            new FeelInputParameter(source(input, activity), target(input, activity)));
      }
      for (Element output : ZeebeExtensions.children(mapping, "output")) {
        ioMapping.addOutputParameter(
            new FeelOutputParameter(source(output, activity), target(output, activity)));
      }
      activity.setIoMapping(ioMapping);
      activity.setScope(true);
    } catch (FeelException e) {
      parse.addError(e.getMessage(), element);
    }
  }

  private MappingSource source(Element parameter, ActivityImpl activity) {
    String source = parameter.attribute("source");
    if (source == null) {
      throw new FeelException("a mapping of " + activity.getId() + " has no source");
    }
    return MappingSource.of(source, translation.feel(), activity.getId());
  }

  private static VariablePath target(Element parameter, ActivityImpl activity) {
    String target = parameter.attribute("target");
    if (target == null || target.isBlank()) {
      throw new FeelException("a mapping of " + activity.getId() + " has no target");
    }
    return VariablePath.parse(target);
  }

  /**
   * A message catch: the scope that holds its subscription evaluates the correlation key when it
   * starts, as a job (so a key that fails to evaluate is an incident there, as in Zeebe).
   */
  private void subscribe(Element definition, String eventId, ActivityImpl subscriptionScope) {
    Element message = message(definition.attribute("messageRef"));
    if (message == null) {
      return; // Operaton reports the missing message
    }
    Element subscription = ZeebeExtensions.one(message, "subscription");
    String key = subscription == null ? null : subscription.attribute("correlationKey");
    if (key == null || key.isBlank()) {
      parse.addError(
          "a message catch needs a zeebe:subscription correlationKey on message "
              + message.attribute("name"),
          definition,
          eventId);
      return;
    }
    try {
      subscriptionScope.addBuiltInListener(
          ExecutionListener.EVENTNAME_START,
          new CorrelationKeyListener(
              message.attribute("name"),
              MappingSource.of(key, translation.feel(), eventId),
              eventId,
              translation.catchOpened()));
      subscriptionScope.setAsyncBefore(true);
    } catch (FeelException e) {
      parse.addError(e.getMessage(), definition, eventId);
    }
  }

  private Element message(String id) {
    if (id == null) {
      return null;
    }
    return parse.root().elements("message").stream()
        .filter(m -> id.equals(m.attribute("id")))
        .findFirst()
        .orElse(null);
  }
}
