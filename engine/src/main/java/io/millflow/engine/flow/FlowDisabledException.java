package io.millflow.engine.flow;

import java.time.Instant;

/** A run of a disabled flow was asked for: none starts until the flow is enabled again (a 409). */
public class FlowDisabledException extends RuntimeException {

  public FlowDisabledException(String flowId, Instant since) {
    super(
        "Flow '"
            + flowId
            + "' is disabled (since "
            + since
            + "): it starts no new run; enable it to start runs again.");
  }
}
