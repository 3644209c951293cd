package io.millflow.engine.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of {@code connection.reauth_required}, whether a scheduled check or a step noticed
 * that a system refuses a connection's credentials: {@code connection}, {@code problem} (the
 * check's problem code, e.g. {@code AUTH_FAILED}; null when a step noticed), {@code message},
 * {@code noticedBy} ({@code check} or {@code step}), and the {@code flowId} and {@code runId} of
 * the step (null for a check). Every key is always present.
 */
public final class ReauthRequired {

  private ReauthRequired() {}

  public static Map<String, Object> noticedByCheck(
      String connection, String problem, String message) {
    return payload(connection, problem, message, "check", null, null);
  }

  public static Map<String, Object> noticedByStep(
      String connection, String message, String flowId, String runId) {
    return payload(connection, null, message, "step", flowId, runId);
  }

  private static Map<String, Object> payload(
      String connection,
      String problem,
      String message,
      String noticedBy,
      String flowId,
      String runId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("connection", connection);
    data.put("problem", problem);
    data.put("message", message);
    data.put("noticedBy", noticedBy);
    data.put("flowId", flowId);
    data.put("runId", runId);
    return data;
  }
}
