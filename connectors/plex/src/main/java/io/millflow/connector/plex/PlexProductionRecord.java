package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexWriteClient.Refused;
import io.millflow.connector.plex.PlexWriteClient.Written;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.step.StepType;
import io.millflow.step.write.FieldChanges;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Records production on Plex workcenters ({@code POST
 * /production/v1/control/workcenters/{workcenterId}/record-batch-production}), one call per record:
 * the record's {@code workcenterId} and the body's fields ({@code quantity}, {@code partId} or
 * {@code supplyItemId}, {@code lotId}, {@code locationId}, {@code batchId}, {@code operatorId},
 * {@code batchComponentQuantities}). Plex takes no key for it and every call records production
 * again, so each record's key (e.g. the MES report number) is what makes it once: an acknowledged
 * record is sealed in a results checkpoint, and a retried attempt sends none of those again. The
 * outcome's target id is the serial number of the container Plex made. A dry run checks each
 * record's shape and reads the workcenter and parts it names ({@code GET
 * /production/v1/production-definitions/workcenters/{id}}, {@code GET /mdm/v1/parts/{id}}, each
 * once per run), rejecting an unknown one with the code the write would get (Plex has no production
 * to read back). Example input: {@code {"connection": "plex", "records": "=production", "keyField":
 * "reportNo"}}.
 */
@Singleton
@StepType(
    id = "plex.production.record",
    name = "Record Plex batch production",
    group = "Sinks",
    timeoutSeconds = 1800,
    description = "Records production on Plex workcenters once per record key.")
public final class PlexProductionRecord extends PlexWriteStep {

  @Inject
  public PlexProductionRecord(HttpPlexClientFactory clients) {
    super(new PlexRecordWriter(clients));
  }

  public PlexProductionRecord() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public String entity() {
    return "production";
  }

  @Override
  public List<String> guesses() {
    return List.of(
        "recording production needs a quantity above 0",
        "a body Plex cannot record is answered 400 with Plex's errors (the description lists only"
            + " 200 and 404)");
  }

  @Override
  public boolean needsCheckpoint() {
    return true;
  }

  @Override
  public WriteDiff diff(
      String key, ObjectNode record, PlexWriteClient plex, PlexReferences references) {
    String problem = problem(key, record);
    if (problem != null) {
      return WriteDiff.rejected(key, null, PlexGuesses.FIELD_REQUIRED_CODE, problem);
    }
    Optional<WriteDiff> unknown = unknownReference(key, record, references);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    return new WriteDiff(
        key, WriteDiff.CREATE, null, FieldChanges.between(null, body(record)), null, null);
  }

  @Override
  public WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex) {
    String problem = problem(key, record);
    if (problem != null) {
      return WriteOutcome.rejected(key, null, PlexGuesses.FIELD_REQUIRED_CODE, problem);
    }
    return switch (plex.recordBatchProduction(record.path("workcenterId").asText(), body(record))) {
      case Written written ->
          new WriteOutcome(
              key,
              WriteOutcome.CREATED,
              written.record().path("serialNo").asText(null),
              null,
              null);
      case Refused refused -> WriteOutcome.rejected(key, null, refused.code(), refused.message());
    };
  }

  /**
   * The first reference Plex would refuse, in the order the call checks them: the workcenter (a 404
   * before the body is read), then the part, then each component's part.
   */
  private static Optional<WriteDiff> unknownReference(
      String key, ObjectNode record, PlexReferences references) {
    Optional<WriteDiff> unknown =
        references.unknown(
            key,
            PlexReferences.Kind.WORKCENTER,
            "workcenterId",
            record.path("workcenterId").asText());
    if (unknown.isEmpty()) {
      unknown =
          references.unknown(
              key, PlexReferences.Kind.PART, "partId", record.path("partId").asText(null));
    }
    for (JsonNode component : record.path("batchComponentQuantities")) {
      if (unknown.isPresent()) {
        break;
      }
      unknown =
          references.unknown(
              key,
              PlexReferences.Kind.PART,
              "batchComponentQuantities[].partId",
              component.path("partId").asText(null));
    }
    return unknown;
  }

  private static ObjectNode body(ObjectNode record) {
    return PlexRecordWrite.body(record, PlexPublishedFields.BATCH_PRODUCTION_RECORD);
  }

  /** What keeps the record from being sent, or null; Plex checks the rest. */
  private static String problem(String key, ObjectNode record) {
    if (key.isBlank()) {
      return "The record has no key: production is recorded once per key, so it needs one.";
    }
    if (record.path("workcenterId").asText("").isBlank()) {
      return "'workcenterId' is required to record production.";
    }
    if (!record.hasNonNull("quantity")) {
      return "'quantity' is required to record production.";
    }
    if (!record.hasNonNull("partId") && !record.hasNonNull("supplyItemId")) {
      return "'partId' or 'supplyItemId' is required to record production.";
    }
    return null;
  }
}
