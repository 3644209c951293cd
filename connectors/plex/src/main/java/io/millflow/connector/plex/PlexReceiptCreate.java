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
import java.util.Optional;

/**
 * Creates Plex inventory receipts ({@code POST /inventory/v1/inventory-receiving/receipts}, {@code
 * {id, externalReceiptCode, supplierId}}). The record's {@code externalReceiptCode}, else its key,
 * is the receipt's tracking number: a receipt Plex lists under it already ({@code GET ...?
 * externalReceiptCode=}) is left alone, so a re-run creates none twice. A dry run reads the
 * receipt's supplier ({@code GET /mdm/v1/suppliers/{id}}, once per run) and rejects a receipt
 * naming an unknown one as the create would. Example input: {@code {"connection": "plex",
 * "records": "=receipts"}}.
 */
@Singleton
@StepType(
    id = "plex.receipt.create",
    name = "Create Plex inventory receipts",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates Plex inventory receipts once per tracking number; a dry run shows which.")
public final class PlexReceiptCreate extends PlexWriteStep {

  @Inject
  public PlexReceiptCreate(HttpPlexClientFactory clients) {
    super(new PlexRecordWriter(clients));
  }

  public PlexReceiptCreate() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public String entity() {
    return "receipt";
  }

  @Override
  public List<String> guesses() {
    return List.of("a receipt needs " + PlexGuesses.RECEIPT_REQUIRED_ON_CREATE + " to be created");
  }

  @Override
  public WriteDiff diff(
      String key, ObjectNode record, PlexWriteClient plex, PlexReferences references) {
    ObjectNode body = body(key, record);
    ObjectNode existing = existing(body, plex);
    if (existing != null) {
      return WriteDiff.of(key, existing.path("id").asText(), List.of());
    }
    String missing = PlexRecordWrite.missing(body, PlexGuesses.RECEIPT_REQUIRED_ON_CREATE);
    if (missing != null) {
      return WriteDiff.rejected(
          key,
          null,
          PlexGuesses.FIELD_REQUIRED_CODE,
          "'" + missing + "' is required to create a receipt.");
    }
    String supplier = body.path("supplierId").asText(null);
    Optional<WriteDiff> unknown =
        references.unknown(key, PlexReferences.Kind.SUPPLIER, "supplierId", supplier);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    return new WriteDiff(
        key,
        WriteDiff.CREATE,
        PlexWriteKeys.targetId(entity(), record, key),
        FieldChanges.between(null, body),
        null,
        null);
  }

  @Override
  public WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex) {
    ObjectNode body = body(key, record);
    ObjectNode existing = existing(body, plex);
    if (existing != null) {
      return new WriteOutcome(
          key, WriteOutcome.UNCHANGED, existing.path("id").asText(), null, null);
    }
    String id = PlexWriteKeys.targetId(entity(), record, key);
    return PlexReleaseUpsert.outcome(
        key, id, WriteOutcome.CREATED, plex.createReceipt(body.deepCopy().put("id", id)));
  }

  private static ObjectNode body(String key, ObjectNode record) {
    ObjectNode body = PlexRecordWrite.body(record, PlexPublishedFields.RECEIPT_CREATE);
    if (!body.hasNonNull("externalReceiptCode") && !key.isBlank()) {
      body.put("externalReceiptCode", key);
    }
    return body;
  }

  private static ObjectNode existing(ObjectNode body, PlexWriteClient plex) {
    String code = body.path("externalReceiptCode").asText("");
    if (code.isBlank()) {
      return null;
    }
    List<ObjectNode> found = plex.receipts(List.of(Map.entry("externalReceiptCode", code)));
    return found.isEmpty() ? null : found.getFirst();
  }
}
