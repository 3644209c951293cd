package io.millflow.engine.trigger;

/** BPMN of the small flows webhook tests start. */
public final class WebhookFlows {

  private WebhookFlows() {}

  public static String empty(String id) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_%1$s" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F</bpmn:outgoing></bpmn:startEvent>
            <bpmn:endEvent id="End"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id);
  }

  public static String messageStart(String id, String message) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_%1$s" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F</bpmn:outgoing>
              <bpmn:messageEventDefinition id="StartMessage" messageRef="Msg" />
            </bpmn:startEvent>
            <bpmn:endEvent id="End"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
          </bpmn:process>
          <bpmn:message id="Msg" name="%2$s" />
        </bpmn:definitions>
        """
        .formatted(id, message);
  }
}
