package io.millflow.engine.events;

import java.util.UUID;

/**
 * An outbox event claimed for delivery: {@code attempt} is the number of this attempt (1 for the
 * first); {@code traceparent} the trace it was emitted in (a run's step), or null.
 */
record DueEvent(UUID id, String type, String payload, int attempt, String traceparent) {}
