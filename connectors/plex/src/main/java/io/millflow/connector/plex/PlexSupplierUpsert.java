package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.step.StepType;
import io.millflow.step.write.FieldChanges;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates Plex suppliers ({@code POST /mdm/v1/suppliers}, {@code PUT
 * /mdm/v1/suppliers/{id}}). The supplier written is the one with the record's id ({@link
 * PlexWriteKeys}: its {@code id}, else one derived from its key), else the one Plex lists under the
 * record's {@code code} (unique per tenant, as published), so a supplier made in Plex by hand is
 * updated, not duplicated; else a new one with the derived id. Only the fields that differ are
 * sent; a supplier that already holds them is left alone. Example input: {@code {"connection":
 * "plex", "records": "=suppliers", "keyField": "code", "dryRun": true}}.
 */
@Singleton
@StepType(
    id = "plex.supplier.upsert",
    name = "Upsert Plex suppliers",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates or updates Plex suppliers by key or code; a dry run shows what would change.")
public final class PlexSupplierUpsert extends PlexWriteStep {

  @Inject
  public PlexSupplierUpsert(HttpPlexClientFactory clients) {
    super(new PlexRecordWriter(clients));
  }

  public PlexSupplierUpsert() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public String entity() {
    return "supplier";
  }

  @Override
  public List<String> guesses() {
    return List.of(
        "a supplier needs " + PlexGuesses.SUPPLIER_REQUIRED_ON_CREATE + " to be created",
        "Plex keeps the id a create sends");
  }

  @Override
  public WriteDiff diff(
      String key, ObjectNode record, PlexWriteClient plex, PlexReferences references) {
    ObjectNode current = current(key, record, plex);
    if (current == null) {
      ObjectNode body = PlexRecordWrite.body(record, PlexPublishedFields.SUPPLIER_CREATE);
      String missing = PlexRecordWrite.missing(body, PlexGuesses.SUPPLIER_REQUIRED_ON_CREATE);
      if (missing != null) {
        return WriteDiff.rejected(
            key,
            null,
            PlexGuesses.FIELD_REQUIRED_CODE,
            "'" + missing + "' is required to create a supplier.");
      }
      String id = PlexWriteKeys.targetId(entity(), record, key);
      return new WriteDiff(key, WriteDiff.CREATE, id, FieldChanges.between(null, body), null, null);
    }
    return WriteDiff.of(
        key,
        current.path("id").asText(),
        FieldChanges.between(
            current, PlexRecordWrite.body(record, PlexPublishedFields.SUPPLIER_UPDATE)));
  }

  @Override
  public WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex) {
    ObjectNode current = current(key, record, plex);
    if (current == null) {
      String id = PlexWriteKeys.targetId(entity(), record, key);
      ObjectNode body =
          PlexRecordWrite.body(record, PlexPublishedFields.SUPPLIER_CREATE).put("id", id);
      return PlexReleaseUpsert.outcome(key, id, WriteOutcome.CREATED, plex.createSupplier(body));
    }
    String id = current.path("id").asText();
    ObjectNode body = PlexRecordWrite.body(record, PlexPublishedFields.SUPPLIER_UPDATE);
    if (FieldChanges.between(current, body).isEmpty()) {
      return new WriteOutcome(key, WriteOutcome.UNCHANGED, id, null, null);
    }
    return PlexReleaseUpsert.outcome(
        key, id, WriteOutcome.UPDATED, plex.updateSupplier(id, changed(current, body)));
  }

  /** The supplier the record targets: by its id, else by its code; null when Plex has neither. */
  private ObjectNode current(String key, ObjectNode record, PlexWriteClient plex) {
    ObjectNode byId = plex.supplier(PlexWriteKeys.targetId(entity(), record, key)).orElse(null);
    String code = record.path("code").asText("");
    if (byId != null || code.isBlank()) {
      return byId;
    }
    List<ObjectNode> byCode = plex.suppliers(List.of(Map.entry("code", code)));
    return byCode.isEmpty() ? null : byCode.getFirst();
  }

  /** Only the fields that differ, so a concurrent edit of another field in Plex survives. */
  private static ObjectNode changed(ObjectNode current, ObjectNode body) {
    ObjectNode changed = body.objectNode();
    FieldChanges.between(current, body)
        .forEach(change -> changed.set(change.field(), change.newValue()));
    return changed;
  }
}
