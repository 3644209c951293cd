package io.millflow.engine.events;

import java.util.Arrays;
import java.util.List;

/** The events Millflow sends to subscribers. */
public enum EventType {
  SYNC_COMPLETED("sync.completed"),
  SYNC_FAILED("sync.failed"),
  FLOW_INCIDENT("flow.incident"),
  CONNECTION_STATUS_CHANGED("connection.status_changed"),
  CONNECTION_REAUTH_REQUIRED("connection.reauth_required");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(EventType::wireName).toList();
  }
}
