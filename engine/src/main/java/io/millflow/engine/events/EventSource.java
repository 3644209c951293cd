package io.millflow.engine.events;

import java.util.Map;

/**
 * What an event is about, for ordering: the connection of a {@code connection.*} event ({@code
 * connection:<name>}), the flow of a {@code sync.*} or {@code flow.*} event ({@code flow:<id>}),
 * and the event type itself for a flow's own ({@code custom.<name>}). Events of one source carry
 * consecutive sequence numbers, in the order they were emitted.
 */
final class EventSource {

  private EventSource() {}

  static String of(String type, Map<String, Object> data) {
    if (type.startsWith("connection.") && data.get("connection") instanceof String connection) {
      return "connection:" + connection;
    }
    if ((type.startsWith("sync.") || type.startsWith("flow."))
        && data.get("flowId") instanceof String flow) {
      return "flow:" + flow;
    }
    return type;
  }
}
