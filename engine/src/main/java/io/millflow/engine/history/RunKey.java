package io.millflow.engine.history;

/**
 * What identifies a run across engines: the tenant, the engine that runs it (keys of two engines
 * may repeat), and the process instance key.
 */
public record RunKey(String tenantId, String engineId, String processInstanceKey) {}
