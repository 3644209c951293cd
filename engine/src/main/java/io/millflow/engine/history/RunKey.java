package io.millflow.engine.history;

/**
 * What identifies a run across engines: the tenant, the engine that runs it (an in-memory engine counts its instance
 * keys from the start again after every restart, so the key alone is not enough), and the process instance key.
 */
public record RunKey(String tenantId, String engineId, long processInstanceKey) {}
