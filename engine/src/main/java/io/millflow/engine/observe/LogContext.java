package io.millflow.engine.observe;

import org.jboss.logging.MDC;

/**
 * The log context (MDC) of a step attempt: {@code runId}, {@code flowId} and {@code stepType}, on
 * every line logged while it runs (the JSON format writes them as fields; the text format can show
 * them with {@code %X{runId}}).
 */
final class LogContext {

  static final String RUN_ID = "runId";
  static final String FLOW_ID = "flowId";
  static final String STEP_TYPE = "stepType";

  /** Puts the previous values back. */
  interface Restore extends AutoCloseable {
    @Override
    void close();
  }

  private LogContext() {}

  static Restore attempt(String runId, String flowId, String stepType) {
    Object previousRun = MDC.get(RUN_ID);
    Object previousFlow = MDC.get(FLOW_ID);
    Object previousStep = MDC.get(STEP_TYPE);
    MDC.put(RUN_ID, runId);
    MDC.put(FLOW_ID, flowId);
    MDC.put(STEP_TYPE, stepType);
    return () -> {
      restore(RUN_ID, previousRun);
      restore(FLOW_ID, previousFlow);
      restore(STEP_TYPE, previousStep);
    };
  }

  private static void restore(String key, Object previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
