package io.millflow.connector.plex;

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

/**
 * Creates or updates Plex purchase-order releases by key: reads {@code GET
 * /purchasing/v2-beta1/releases/{id}} (the id as {@link PlexWriteKeys} derives it), then {@code
 * POST /purchasing/v2-beta1/releases} with that id when Plex has none, {@code PUT .../{id}} with
 * the fields that differ when it has one, nothing when none differ. Records carry Plex's fields
 * ({@code poLineItemId}, {@code quantity}, {@code dueDate}, {@code status}, {@code note}, ...) and
 * a key. Example input: {@code {"connection": "plex", "records": "=releases", "dryRun": true}}.
 */
@Singleton
@StepType(
    id = "plex.release.upsert",
    name = "Upsert Plex PO releases",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates or updates Plex purchase-order releases by key; a dry run shows what would change.")
public final class PlexReleaseUpsert extends PlexWriteStep {

  @Inject
  public PlexReleaseUpsert(HttpPlexClientFactory clients) {
    super(new PlexRecordWriter(clients));
  }

  public PlexReleaseUpsert() {
    this(new HttpPlexClientFactory());
  }

  /** With at most {@code inFlight} records' calls at once (the benchmark compares 1 and more). */
  public PlexReleaseUpsert(HttpPlexClientFactory clients, int inFlight) {
    super(new PlexRecordWriter(clients, inFlight));
  }

  @Override
  public String entity() {
    return "release";
  }

  @Override
  public List<String> guesses() {
    return List.of(
        "a release needs " + PlexGuesses.RELEASE_REQUIRED_ON_CREATE + " to be created",
        "Plex keeps the id a create sends");
  }

  @Override
  public WriteDiff diff(
      String key, ObjectNode record, PlexWriteClient plex, PlexReferences references) {
    String id = PlexWriteKeys.targetId(entity(), record, key);
    ObjectNode current = plex.release(id).orElse(null);
    if (current == null) {
      ObjectNode body = PlexRecordWrite.body(record, PlexPublishedFields.RELEASE_CREATE);
      String missing = PlexRecordWrite.missing(body, PlexGuesses.RELEASE_REQUIRED_ON_CREATE);
      if (missing != null) {
        return WriteDiff.rejected(
            key,
            null,
            PlexGuesses.FIELD_REQUIRED_CODE,
            "'" + missing + "' is required to create a release.");
      }
      return new WriteDiff(key, WriteDiff.CREATE, id, FieldChanges.between(null, body), null, null);
    }
    return WriteDiff.of(
        key,
        id,
        FieldChanges.between(
            current, PlexRecordWrite.body(record, PlexPublishedFields.RELEASE_UPDATE)));
  }

  @Override
  public WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex) {
    String id = PlexWriteKeys.targetId(entity(), record, key);
    ObjectNode current = plex.release(id).orElse(null);
    if (current == null) {
      ObjectNode body =
          PlexRecordWrite.body(record, PlexPublishedFields.RELEASE_CREATE).put("id", id);
      return outcome(key, id, WriteOutcome.CREATED, plex.createRelease(body));
    }
    ObjectNode body = PlexRecordWrite.body(record, PlexPublishedFields.RELEASE_UPDATE);
    if (FieldChanges.between(current, body).isEmpty()) {
      return new WriteOutcome(key, WriteOutcome.UNCHANGED, id, null, null);
    }
    return outcome(key, id, WriteOutcome.UPDATED, plex.updateRelease(id, body));
  }

  static WriteOutcome outcome(
      String key, String id, String done, PlexWriteClient.WriteAnswer answer) {
    return switch (answer) {
      case Written written ->
          new WriteOutcome(key, done, written.record().path("id").asText(id), null, null);
      case Refused refused -> WriteOutcome.rejected(key, id, refused.code(), refused.message());
    };
  }
}
