package io.millflow.engine.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of the events about a run, one shape per event type however the run ended: {@code
 * sync.completed} holds {@code runId}, {@code flowId} and {@code processInstanceKey}; {@code
 * flow.incident} and {@code sync.failed} add {@code elementId}, {@code elementName} (the name the
 * designer gave the task, else its step's template name) and {@code stepType} (null when the run
 * failed after its last step, e.g. an unbalanced ledger), {@code errorCode} and {@code error}.
 * Every key is always present. Schemas: docs/events/events.schema.json.
 */
public final class RunEvents {

  private RunEvents() {}

  public static Map<String, Object> completed(String runId, String flowId, String instanceKey) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runId", runId);
    data.put("flowId", flowId);
    data.put("processInstanceKey", instanceKey);
    return data;
  }

  public static Map<String, Object> failed(
      String runId,
      String flowId,
      String instanceKey,
      String elementId,
      String elementName,
      String stepType,
      String errorCode,
      String error) {
    Map<String, Object> data = completed(runId, flowId, instanceKey);
    data.put("elementId", elementId);
    data.put("elementName", elementName);
    data.put("stepType", stepType);
    data.put("errorCode", errorCode);
    data.put("error", error);
    return data;
  }
}
