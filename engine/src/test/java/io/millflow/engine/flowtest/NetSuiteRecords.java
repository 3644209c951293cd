package io.millflow.engine.flowtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.HttpNetSuiteClientFactory;
import io.millflow.connector.netsuite.NetSuiteClient;
import io.millflow.connector.netsuite.NetSuiteConnectionSettings;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.step.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The records a flow wrote into NetSuite (the sandbox, or any account a connection names), read
 * back through NetSuite's REST API as a client would: each expected row names its record by {@code
 * externalId}, and the record with that external id is fetched ({@code GET
 * record/v1/<type>/eid:<externalId>}). NetSuite has no table to count or empty, so a NetSuite sink
 * takes rows only, and cases keep to external ids of their own.
 */
final class NetSuiteRecords implements ApiSinkRecords {

  @Override
  public String type() {
    return "netsuite";
  }

  /** The records of the sink's type that its expected rows name. */
  @Override
  public List<ObjectNode> read(Connection connection, Sink sink) {
    if (sink.count() != null) {
      throw new FlowTestFormatException(
          sink.label() + ": a NetSuite sink cannot be counted; give rows with an externalId");
    }
    NetSuiteClient client =
        new HttpNetSuiteClientFactory().forSettings(NetSuiteConnectionSettings.of(connection));
    List<ObjectNode> records = new ArrayList<>();
    for (Map<String, Object> wanted : sink.rows()) {
      Object externalId = wanted.get("externalId");
      if (externalId == null) {
        throw new FlowTestFormatException(
            sink.label() + ": each row of a NetSuite sink names its record by externalId");
      }
      client.recordByExternalId(sink.table(), externalId.toString()).ifPresent(records::add);
    }
    return records;
  }
}
