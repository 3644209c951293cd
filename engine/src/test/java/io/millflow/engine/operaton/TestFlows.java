package io.millflow.engine.operaton;

/** Small flows in the Camunda 8 dialect, as the designer writes them. */
final class TestFlows {

  private TestFlows() {}

  static String definitions(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://millflow.io/flows">
        %s
        </bpmn:definitions>
        """
        .formatted(body);
  }

  static String process(String id, String elements) {
    return definitions(
        """
        <bpmn:process id="%s" isExecutable="true">
        %s
        </bpmn:process>"""
            .formatted(id, elements));
  }

  static String serviceTask(String id, String type, String extensions) {
    return """
        <bpmn:serviceTask id="%s">
          <bpmn:extensionElements>
            <zeebe:taskDefinition type="%s" />
            %s
          </bpmn:extensionElements>
        </bpmn:serviceTask>"""
        .formatted(id, type, extensions);
  }

  static String flow(String id, String from, String to) {
    return "<bpmn:sequenceFlow id=\"%s\" sourceRef=\"%s\" targetRef=\"%s\" />"
        .formatted(id, from, to);
  }

  /** start → the tasks in order → end; tasks are (id, type) pairs. */
  static String sequence(String processId, String... idsAndTypes) {
    StringBuilder elements = new StringBuilder("<bpmn:startEvent id=\"Start\" />\n");
    String previous = "Start";
    for (int i = 0; i < idsAndTypes.length; i += 2) {
      elements.append(serviceTask(idsAndTypes[i], idsAndTypes[i + 1], "")).append('\n');
      elements.append(flow("F" + i, previous, idsAndTypes[i])).append('\n');
      previous = idsAndTypes[i];
    }
    elements.append("<bpmn:endEvent id=\"End\" />\n").append(flow("FEnd", previous, "End"));
    return process(processId, elements.toString());
  }
}
