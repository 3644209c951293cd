package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.millflow.engine.config.MillflowConfig;
import java.nio.charset.StandardCharsets;

/**
 * How large a flow submitted through the API may be ({@code millflow.flows.*}): in bytes, checked
 * before the BPMN is parsed, and in flow elements. An engine that cannot take a flow this size
 * refuses it only after its whole way there, and not in words a user can act on; this names the
 * limit and the setting.
 */
record FlowLimits(int maxBytes, int maxElements) {

  /**
   * For flows the runtime already holds (bundled, or deployed before a limit was lowered): never
   * refused for size.
   */
  static final FlowLimits NONE = new FlowLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

  static FlowLimits of(MillflowConfig.Flows config) {
    return new FlowLimits(config.maxBpmnBytes(), config.maxElements());
  }

  /**
   * @throws FlowTooLargeException when the BPMN has more bytes than {@link #maxBytes}
   */
  void checkSize(String xml) {
    if (maxBytes == Integer.MAX_VALUE) {
      return;
    }
    int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new FlowTooLargeException(
          "The BPMN is "
              + bytes
              + " bytes; a flow may be at most "
              + maxBytes
              + " bytes (millflow.flows.max-bpmn-bytes). Split it into smaller flows (a message or a webhook can start one"
              + " from another), or leave out what the engine does not need (diagram layout of unused elements).");
    }
  }

  /**
   * @throws FlowTooLargeException when the flow holds more flow elements than {@link #maxElements}
   */
  void checkElements(BpmnModelInstance model) {
    int elements = model.getModelElementsByType(FlowElement.class).size();
    if (elements > maxElements) {
      throw new FlowTooLargeException(
          "The flow holds "
              + elements
              + " flow elements (tasks, events, gateways,"
              + " sequence flows); a flow may hold at most "
              + maxElements
              + " (millflow.flows.max-elements). Split it into"
              + " smaller flows (a message or a webhook can start one from another).");
    }
  }
}
