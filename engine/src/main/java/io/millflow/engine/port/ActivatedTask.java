package io.millflow.engine.port;

import java.util.Map;

/**
 * One attempt of a service task, as an engine hands it out: its key, step type, where it runs
 * (process, the deployed version of it, instance, element, element instance), the retries it has
 * left, its variables (after the task's input mappings) and headers. {@code definitionKey} names
 * one deployment of the process, whose BPMN never changes.
 */
public record ActivatedTask(
    String key,
    String type,
    String processId,
    String definitionKey,
    String instanceKey,
    String elementId,
    String elementInstanceKey,
    int retries,
    Map<String, Object> variables,
    Map<String, String> headers) {}
