package io.millflow.engine.flow;

/**
 * One reason a BPMN cannot be deployed, tied to the element it concerns (null for the whole
 * document).
 */
public record FlowProblem(String elementId, String reason) {}
