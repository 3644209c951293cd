package io.millflow.engine.flowtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records a flow wrote into a system that is reached only through its API (Plex, NetSuite),
 * read back as a client would. Such a sink has no table to empty before a case: cases keep to keys
 * of their own.
 */
sealed interface ApiSinkRecords permits PlexRecords, NetSuiteRecords {

  /** How the system reads its records back; empty for a connection that is no API sink. */
  static Optional<ApiSinkRecords> of(Connection connection) {
    return Stream.<ApiSinkRecords>of(new PlexRecords(), new NetSuiteRecords())
        .filter(system -> system.type().equals(connection.type()))
        .findFirst();
  }

  /** The connection type it reads. */
  String type();

  /** Whether a sink's {@code filter} means something here (as the system's own query). */
  default boolean takesFilter() {
    return false;
  }

  /**
   * The records the sink names, as the system answers them.
   *
   * @throws FlowTestFormatException when the sink is not one the system can be checked by
   */
  List<ObjectNode> read(Connection connection, Sink sink);

  /** {@link #read} as field name to value. */
  @SuppressWarnings("unchecked")
  default List<Map<String, Object>> rows(Connection connection, Sink sink) {
    return read(connection, sink).stream()
        .map(
            record -> (Map<String, Object>) Json.mapper().convertValue(record, LinkedHashMap.class))
        .toList();
  }
}
