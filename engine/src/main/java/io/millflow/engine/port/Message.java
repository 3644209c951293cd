package io.millflow.engine.port;

import java.time.Duration;
import java.util.Map;

/**
 * A message to publish: its engine-wide name, correlation key, a unique id for dedupe, time to live
 * and variables.
 */
public record Message(
    String name,
    String correlationKey,
    String messageId,
    Duration timeToLive,
    Map<String, Object> variables) {}
