package io.millflow.engine.port;

/**
 * An open incident of an instance: its key, the element it stopped at, and the engine's message.
 */
public record EngineIncident(String key, String elementId, String message) {}
