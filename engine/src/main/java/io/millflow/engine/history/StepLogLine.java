package io.millflow.engine.history;

import java.time.Instant;

public record StepLogLine(Instant at, String level, String message) {}
