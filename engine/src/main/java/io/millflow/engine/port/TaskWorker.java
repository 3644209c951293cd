package io.millflow.engine.port;

import java.time.Duration;
import java.util.List;

/**
 * Takes the service tasks of one type: {@code lockDuration} is how long an attempt holds its task
 * before the engine hands it to another worker (extended while the step reports progress), {@code
 * variables} the variables it reads.
 */
public record TaskWorker(
    String type, Duration lockDuration, List<String> variables, TaskHandler handler) {}
