package io.millflow.engine.operaton;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Operaton's BPMN parse, for flows in the Camunda 8 dialect: refuses what is not translated before parsing, lets the
 * {@link ZeebeDialectListener} translate the rest, and accepts a none start event next to timer start events (every
 * shipped flow has both; Operaton refuses that as written, ENGINE-09005): the none start event is the one
 * {@code start()} uses, a timer starts the instance at itself ({@link FiredTimerStartJobHandler}).
 */
final class ZeebeDialectParse extends BpmnParse {

  ZeebeDialectParse(BpmnParser parser, Translation translation) {
    super(parser);
    List<org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new ArrayList<>(parseListeners);
    listeners.add(0, new ZeebeDialectListener(this, translation));
    parseListeners = listeners;
  }

  @Override
  protected void parseRootElement() {
    new DialectRefusals(rootElement, (element, elementId, reason) -> addError(reason, element, elementId)).check();
    if (!hasErrors()) {
      super.parseRootElement();
    }
  }

  @Override
  protected void selectInitial(List<ActivityImpl> startEvents, ProcessDefinitionEntity processDefinition,
      Element parentElement) {
    List<ActivityImpl> noneStarts = startEvents.stream()
        .filter(start -> "startEvent".equals(start.getProperties().get(BpmnProperties.TYPE))).toList();
    if (noneStarts.size() > 1) {
      addError("a process may have one none start event, not " + noneStarts.size(), parentElement,
          noneStarts.get(1).getId());
    }
    processDefinition.setInitial(!noneStarts.isEmpty() ? noneStarts.get(0)
        : startEvents.size() == 1 ? startEvents.get(0) : null);
  }

  /** The document root, for the listener to find messages and errors by id. */
  Element root() {
    return rootElement;
  }
}
