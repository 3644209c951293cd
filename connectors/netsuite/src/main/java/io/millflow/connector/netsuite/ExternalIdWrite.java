package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.step.write.WriteDiff;
import java.util.List;

/**
 * One record written by its external id as its mapping's {@link WriteMode} says ({@code PUT eid:},
 * {@code POST} with the external id, or {@code PATCH eid:}), or, in a dry run, read by it and
 * compared with what would be written.
 */
final class ExternalIdWrite<T> implements PerRecordWrite<T> {

  private final UpsertMapping<T> mapping;

  ExternalIdWrite(UpsertMapping<T> mapping) {
    this.mapping = mapping;
  }

  @Override
  public String verb() {
    return mapping.mode().verb();
  }

  @Override
  public UpsertOutcome write(WritePlan<T> planned, NetSuiteClient client) {
    if (planned.externalId() == null) {
      return new UpsertOutcome(
          planned.key(), null, UpsertOutcome.REJECTED, null, INVALID_EXTERNAL_ID, NO_EXTERNAL_ID);
    }
    NetSuiteClient.WriteAnswer answer =
        switch (mapping.mode()) {
          case CREATE ->
              client.create(
                  mapping.recordType(),
                  planned.body().deepCopy().put("externalId", planned.externalId()),
                  planned.idempotencyKey());
          case UPDATE ->
              client.update(
                  mapping.recordType(),
                  planned.externalId(),
                  planned.body(),
                  mapping.replacedSublist(),
                  planned.idempotencyKey());
          case UPSERT ->
              client.upsert(
                  mapping.recordType(),
                  planned.externalId(),
                  planned.body(),
                  planned.idempotencyKey());
        };
    return switch (answer) {
      case NetSuiteClient.Written written ->
          new UpsertOutcome(
              planned.key(),
              planned.externalId(),
              mapping.mode().outcome(),
              written.internalId(),
              null,
              null);
      case NetSuiteClient.Refused refused ->
          new UpsertOutcome(
              planned.key(),
              planned.externalId(),
              UpsertOutcome.REJECTED,
              null,
              refused.code(),
              refused.message());
    };
  }

  @Override
  public UpsertDiff diff(WritePlan<T> planned, NetSuiteClient client) {
    if (planned.externalId() == null) {
      return new UpsertDiff(
          planned.key(), null, "rejected", null, null, INVALID_EXTERNAL_ID, NO_EXTERNAL_ID);
    }
    ObjectNode current =
        client
            .recordByExternalId(
                mapping.recordType(), planned.externalId(), mapping.replacedSublist() != null)
            .orElse(null);
    List<WriteDiff.FieldChange> changes =
        FieldChanges.between(current, planned.body(), mapping.replacedSublist());
    if (current == null && mapping.mode() == WriteMode.UPDATE) {
      return new UpsertDiff(
          planned.key(),
          planned.externalId(),
          "rejected",
          null,
          changes,
          RecordWrites.NONEXISTENT_ID,
          "No " + mapping.recordType() + " has this external id; this step only updates.");
    }
    if (current == null) {
      for (String field :
          NetSuiteGuesses.REQUIRED_ON_CREATE.getOrDefault(mapping.recordType(), List.of())) {
        if (!planned.body().has(field)) {
          return new UpsertDiff(
              planned.key(),
              planned.externalId(),
              "rejected",
              null,
              changes,
              RecordWrites.USER_ERROR,
              "NetSuite needs " + field + " to create a " + mapping.recordType() + ".");
        }
      }
      return new UpsertDiff(
          planned.key(), planned.externalId(), "create", null, changes, null, null);
    }
    String id = current.path("id").asText(null);
    if (mapping.mode() == WriteMode.CREATE) {
      return new UpsertDiff(
          planned.key(),
          planned.externalId(),
          "rejected",
          id,
          changes,
          RECORD_EXISTS,
          "A " + mapping.recordType() + " with this external id exists; this step only creates.");
    }
    return new UpsertDiff(
        planned.key(),
        planned.externalId(),
        changes.isEmpty() ? "unchanged" : "update",
        id,
        changes,
        null,
        null);
  }

  static final String INVALID_EXTERNAL_ID = "INVALID_EXTERNAL_ID";
  static final String RECORD_EXISTS = "RECORD_EXISTS";
  static final String NO_EXTERNAL_ID =
      "No usable external id: NetSuite takes letters, numbers, _ and - only.";
}
