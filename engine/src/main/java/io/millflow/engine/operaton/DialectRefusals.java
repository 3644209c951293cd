package io.millflow.engine.operaton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Finds what of a Camunda 8 flow the embedded engine does not translate, before Operaton parses it:
 * such an element is refused by name, never run differently or ignored. Camunda 7 / Operaton
 * extensions are refused too: they would run Java classes or JUEL expressions inside Millflow.
 */
final class DialectRefusals {

  /** Where each problem goes: the element (for its line), its id, and why. */
  interface Sink {
    void refuse(Element element, String elementId, String reason);
  }

  private static final String NOT_HERE =
      " is not supported by the embedded engine (Operaton); run the flow on a "
          + "Camunda 8 cluster or change it";
  private static final Set<String> FOREIGN_NAMESPACES =
      Set.of(
          "http://camunda.org/schema/1.0/bpmn",
          "http://operaton.org/schema/1.0/bpmn",
          "http://activiti.org/bpmn");
  private static final Set<String> PASSIVE =
      Set.of(
          "documentation",
          "extensionElements",
          "incoming",
          "outgoing",
          "laneSet",
          "textAnnotation",
          "association",
          "group",
          "category",
          "dataObject",
          "dataObjectReference",
          "dataStoreReference",
          "dataInputAssociation",
          "dataOutputAssociation",
          "ioSpecification",
          "property",
          "multiInstanceLoopCharacteristics");
  private static final Set<String> LOOPING = Set.of("serviceTask", "subProcess", "callActivity");
  private static final Map<String, String> REFUSED_ELEMENTS =
      Map.ofEntries(
          Map.entry("userTask", "a user task"), Map.entry("scriptTask", "a script task"),
          Map.entry("businessRuleTask", "a business rule task"),
              Map.entry("sendTask", "a send task"),
          Map.entry("eventBasedGateway", "an event-based gateway"),
              Map.entry("complexGateway", "a complex gateway"),
          Map.entry("transaction", "a transaction sub-process"),
              Map.entry("adHocSubProcess", "an ad-hoc sub-process"));
  private static final Map<String, String> REFUSED_DEFINITIONS =
      Map.of(
          "signalEventDefinition",
          "a signal event",
          "escalationEventDefinition",
          "an escalation event",
          "compensateEventDefinition",
          "a compensation event",
          "conditionalEventDefinition",
          "a conditional event",
          "cancelEventDefinition",
          "a cancel event");
  private static final Set<String> TEMPLATE_ATTRIBUTES =
      Set.of("modelerTemplate", "modelerTemplateVersion", "modelerTemplateIcon");

  private final Element root;
  private final Sink sink;

  DialectRefusals(Element root, Sink sink) {
    this.root = root;
    this.sink = sink;
  }

  void check() {
    for (Element message : root.elements("message")) {
      checkMessage(message);
    }
    for (Element error : root.elements("error")) {
      if (Feel.isExpression(error.attribute("errorCode"))) {
        refuse(error, "a FEEL error code" + NOT_HERE);
      }
    }
    for (Element process : root.elements("process")) {
      checkExtensions(process, Set.of("properties", "versionTag"));
      checkScope(process, false);
    }
  }

  private void checkScope(Element scope, boolean eventSubProcess) {
    for (Element element : scope.elements()) {
      String tag = element.getTagName();
      checkForeign(element, id(element));
      if (PASSIVE.contains(tag) || !isBpmn(element)) {
        continue;
      }
      if (REFUSED_ELEMENTS.containsKey(tag)) {
        refuse(element, REFUSED_ELEMENTS.get(tag) + NOT_HERE);
        continue;
      }
      checkLoop(element);
      switch (tag) {
        case "serviceTask" -> checkServiceTask(element);
        case "task", "manualTask", "parallelGateway" ->
            checkExtensions(element, Set.of("properties"));
        case "exclusiveGateway", "inclusiveGateway" ->
            checkExtensions(element, Set.of("properties"));
        case "receiveTask" -> checkReceiveTask(element);
        case "subProcess" -> checkSubProcess(element);
        case "callActivity" -> checkCallActivity(element);
        case "startEvent" -> checkStartEvent(element, scope, eventSubProcess);
        case "endEvent" ->
            checkEvent(
                element, Set.of("errorEventDefinition", "terminateEventDefinition"), Set.of());
        case "intermediateCatchEvent" ->
            checkEvent(
                element,
                Set.of("timerEventDefinition", "messageEventDefinition", "linkEventDefinition"),
                Set.of("ioMapping"));
        case "intermediateThrowEvent" ->
            checkEvent(element, Set.of("linkEventDefinition"), Set.of());
        case "boundaryEvent" ->
            checkEvent(
                element,
                Set.of("timerEventDefinition", "errorEventDefinition", "messageEventDefinition"),
                Set.of("ioMapping"));
        case "sequenceFlow" -> checkSequenceFlow(element, scope);
        default -> refuse(element, "the BPMN element " + tag + NOT_HERE);
      }
    }
  }

  private void checkServiceTask(Element task) {
    checkExtensions(task, Set.of("taskDefinition", "taskHeaders", "ioMapping", "properties"));
    Element definition = ZeebeExtensions.one(task, "taskDefinition");
    if (definition == null || blank(definition.attribute("type"))) {
      refuse(
          task,
          "a service task needs a zeebe:taskDefinition with a type (the step it runs) on the embedded engine");
      return;
    }
    if (Feel.isExpression(definition.attribute("type"))
        || Feel.isExpression(definition.attribute("retries"))) {
      refuse(task, "a FEEL expression as task type or retries" + NOT_HERE);
    } else if (definition.attribute("retries") != null
        && !definition.attribute("retries").trim().matches("\\d{1,6}")) {
      refuse(
          task,
          "the retries of a task definition must be a whole number, not '"
              + definition.attribute("retries")
              + "'");
    }
  }

  private void checkReceiveTask(Element task) {
    checkExtensions(task, Set.of("ioMapping", "properties"));
    if (task.attribute("messageRef") == null) {
      refuse(task, "a receive task needs a message");
    }
  }

  private void checkSubProcess(Element subProcess) {
    boolean eventSubProcess = "true".equals(subProcess.attribute("triggeredByEvent"));
    checkExtensions(
        subProcess, eventSubProcess ? Set.of("properties") : Set.of("ioMapping", "properties"));
    checkScope(subProcess, eventSubProcess);
  }

  private void checkStartEvent(Element start, Element scope, boolean eventSubProcess) {
    boolean processStart = "process".equals(scope.getTagName());
    Set<String> allowed =
        processStart
            ? Set.of("timerEventDefinition", "messageEventDefinition")
            : eventSubProcess ? Set.of("timerEventDefinition", "errorEventDefinition") : Set.of();
    checkEvent(start, allowed, Set.of());
  }

  private void checkEvent(
      Element event, Set<String> allowedDefinitions, Set<String> allowedExtensions) {
    Set<String> extensions = new java.util.HashSet<>(allowedExtensions);
    extensions.add("properties");
    checkExtensions(event, extensions);
    for (Element child : event.elements()) {
      String tag = child.getTagName();
      if (!tag.endsWith("EventDefinition")) {
        continue;
      }
      checkForeign(child, id(event));
      if (!allowedDefinitions.contains(tag)) {
        String what =
            REFUSED_DEFINITIONS.getOrDefault(
                tag, "a " + tag.replace("EventDefinition", "") + " event");
        refuse(event, what + " on a " + event.getTagName() + NOT_HERE);
      } else if ("timerEventDefinition".equals(tag)) {
        checkTimer(event, child);
      }
    }
  }

  private void checkTimer(Element event, Element timer) {
    for (Element value : timer.elements()) {
      String text = value.getText().trim();
      if (Feel.isExpression(text)) {
        refuse(
            event,
            "a FEEL timer expression ("
                + text
                + ")"
                + NOT_HERE
                + " (write the ISO 8601 or cron value)");
      } else if (text.contains("${") || text.contains("#{")) {
        refuse(event, "an expression in a timer" + NOT_HERE);
      }
    }
  }

  private void checkSequenceFlow(Element flow, Element scope) {
    if (flow.element("conditionExpression") == null) {
      return;
    }
    String source = flow.attribute("sourceRef");
    boolean fromGateway =
        scope.elements().stream()
            .anyMatch(
                element ->
                    source != null
                        && source.equals(id(element))
                        && ("exclusiveGateway".equals(element.getTagName())
                            || "inclusiveGateway".equals(element.getTagName())));
    if (!fromGateway) {
      refuse(
          flow,
          "a condition on a sequence flow that does not leave an exclusive or inclusive gateway"
              + NOT_HERE);
    }
  }

  private void checkMessage(Element message) {
    checkForeign(message, id(message));
    checkExtensions(message, Set.of("subscription"));
    String name = message.attribute("name");
    if (name == null || Feel.isExpression(name) || name.contains("${") || name.contains("#{")) {
      refuse(message, "a message needs a fixed name (a FEEL message name" + NOT_HERE + ")");
    }
  }

  private void checkCallActivity(Element call) {
    checkExtensions(call, Set.of("calledElement", "ioMapping", "properties"));
    Element called = ZeebeExtensions.one(call, "calledElement");
    if (called == null || blank(called.attribute("processId"))) {
      refuse(
          call, "a call activity needs a zeebe:calledElement with a processId (the flow it calls)");
      return;
    }
    if (Feel.isExpression(called.attribute("processId"))) {
      refuse(call, "a FEEL expression as the processId of a call activity" + NOT_HERE);
    }
    String binding = called.attribute("bindingType");
    if (binding != null && !"latest".equals(binding.trim())) {
      refuse(
          call,
          "the binding type "
              + binding
              + " of a call activity"
              + NOT_HERE
              + " (it calls the latest version)");
    }
    for (String attribute : List.of("propagateAllChildVariables", "propagateAllParentVariables")) {
      String value = called.attribute(attribute);
      if (value != null && !Set.of("true", "false").contains(value.trim())) {
        refuse(
            call,
            "the " + attribute + " of a call activity must be true or false, not '" + value + "'");
      }
    }
  }

  private void checkLoop(Element element) {
    Element characteristics = element.element("multiInstanceLoopCharacteristics");
    if (characteristics != null) {
      checkMultiInstance(element, characteristics);
    } else if (element.element("standardLoopCharacteristics") != null) {
      refuse(element, "a loop activity" + NOT_HERE);
    }
  }

  private void checkMultiInstance(Element element, Element characteristics) {
    checkForeign(characteristics, id(element));
    if (!LOOPING.contains(element.getTagName())) {
      refuse(element, "a multi-instance " + element.getTagName() + NOT_HERE);
      return;
    }
    for (String unsupported : List.of("completionCondition", "loopCardinality")) {
      if (characteristics.element(unsupported) != null) {
        refuse(element, "the " + unsupported + " of a multi-instance activity" + NOT_HERE);
      }
    }
    for (Element extension : ZeebeExtensions.all(characteristics)) {
      if (!"loopCharacteristics".equals(extension.getTagName())) {
        refuse(
            element,
            "zeebe:" + extension.getTagName() + " on a multi-instance activity" + NOT_HERE);
      }
    }
    Element loop = ZeebeExtensions.one(characteristics, "loopCharacteristics");
    if (loop == null || blank(loop.attribute("inputCollection"))) {
      refuse(
          element,
          "a multi-instance activity needs a zeebe:loopCharacteristics with an inputCollection");
      return;
    }
    if (blank(loop.attribute("outputCollection")) != blank(loop.attribute("outputElement"))) {
      refuse(
          element,
          "a multi-instance activity needs both an outputCollection and an outputElement, or neither");
    }
  }

  private void checkExtensions(Element element, Set<String> allowed) {
    for (Element extension : ZeebeExtensions.all(element)) {
      if (!allowed.contains(extension.getTagName())) {
        refuse(
            element,
            "zeebe:" + extension.getTagName() + " on a " + element.getTagName() + NOT_HERE);
      }
    }
    for (String attribute : element.attributes()) {
      if (attribute.startsWith(ZeebeExtensions.NAMESPACE + ":")
          && !TEMPLATE_ATTRIBUTES.contains(
              attribute.substring(ZeebeExtensions.NAMESPACE.length() + 1))) {
        refuse(
            element,
            "the attribute zeebe:"
                + attribute.substring(ZeebeExtensions.NAMESPACE.length() + 1)
                + NOT_HERE);
      }
    }
  }

  /** Camunda 7 / Operaton attributes and extension elements, at any depth below this element. */
  private void checkForeign(Element element, String ownerId) {
    for (String attribute : element.attributes()) {
      if (FOREIGN_NAMESPACES.stream().anyMatch(ns -> attribute.startsWith(ns + ":"))) {
        refuse(
            element,
            ownerId,
            "the Camunda 7 attribute "
                + attribute.substring(attribute.lastIndexOf(':') + 1)
                + NOT_HERE
                + " (flows are written in the Camunda 8 dialect)");
      }
    }
    Element extensions = element.element("extensionElements");
    if (extensions != null) {
      for (Element extension : extensions.elements()) {
        if (FOREIGN_NAMESPACES.contains(extension.getUri())) {
          refuse(
              element,
              ownerId,
              "the Camunda 7 extension "
                  + extension.getTagName()
                  + NOT_HERE
                  + " (flows are written in the Camunda 8 dialect)");
        }
      }
    }
  }

  private void refuse(Element element, String reason) {
    refuse(element, id(element), reason);
  }

  private void refuse(Element element, String elementId, String reason) {
    sink.refuse(element, elementId, reason);
  }

  private static boolean isBpmn(Element element) {
    return element.getUri() == null
        || element.getUri().equals("http://www.omg.org/spec/BPMN/20100524/MODEL");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String id(Element element) {
    return element.attribute("id");
  }
}
