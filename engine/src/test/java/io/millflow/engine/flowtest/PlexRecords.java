package io.millflow.engine.flowtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.PlexConnection;
import io.millflow.connector.plex.PlexWriteClient;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import java.util.List;
import java.util.Map;

/**
 * The records a flow wrote into Plex (the sandbox, or any tenant a connection names), read back
 * through Plex's API as a client would: a Plex sink's table is the list resource ({@code receipts},
 * {@code suppliers}) and its {@code filter} Plex's own query parameters for that list (receipts by
 * {@code externalReceiptCode}, suppliers by {@code code}). Plex has no list to empty, so a count
 * needs a filter, and cases keep to codes of their own.
 */
final class PlexRecords implements ApiSinkRecords {

  @Override
  public String type() {
    return "plex";
  }

  /** Plex's own query parameters of the list. */
  @Override
  public boolean takesFilter() {
    return true;
  }

  /** The records Plex lists for the sink's resource under its filter. */
  @Override
  public List<ObjectNode> read(Connection connection, Sink sink) {
    if (sink.count() != null && sink.filter().isEmpty()) {
      throw new FlowTestFormatException(
          sink.label()
              + ": a Plex sink is counted under a filter, e.g. {externalReceiptCode: ...}");
    }
    PlexWriteClient plex =
        new HttpPlexClientFactory()
            .writeClient(
                connection.name(), ConnectionKind.of(PlexConnection.class).bind(connection));
    List<Map.Entry<String, String>> query = List.copyOf(sink.filter().entrySet());
    return switch (sink.table()) {
      case "receipts" -> plex.receipts(query);
      case "suppliers" -> plex.suppliers(query);
      default ->
          throw new FlowTestFormatException(
              sink.label() + ": a Plex sink reads receipts or suppliers");
    };
  }
}
