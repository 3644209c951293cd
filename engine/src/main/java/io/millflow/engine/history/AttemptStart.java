package io.millflow.engine.history;

import java.util.UUID;

/** A step attempt as recorded when it starts: its run and its own row. */
public record AttemptStart(UUID runId, UUID stepRunId) {}
