package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.step.Json;
import io.millflow.step.StepType;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Cancels Plex purchase-order releases by key ({@code POST /purchasing/v1/releases/{id}/cancel}),
 * the id as {@link PlexWriteKeys} derives it or the record's own {@code id}. A release canceled
 * already is left alone (unchanged), so a re-run sends nothing twice; an unknown one is refused
 * with Plex's not-found code. Example input: {@code {"connection": "plex", "records":
 * "=cancellations"}}.
 */
@Singleton
@StepType(
    id = "plex.release.cancel",
    name = "Cancel Plex PO releases",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Cancels Plex purchase-order releases by key; a dry run shows which it would cancel.")
public final class PlexReleaseCancel extends PlexWriteStep {

  @Inject
  public PlexReleaseCancel(HttpPlexClientFactory clients) {
    super(new PlexRecordWriter(clients));
  }

  public PlexReleaseCancel() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public String entity() {
    return "release";
  }

  @Override
  public List<String> guesses() {
    return List.of(
        "a cancel sends status '" + PlexGuesses.RELEASE_CANCELED_STATUS + "'",
        "a release with status in " + PlexGuesses.RELEASE_STATUSES_NOT_ORDERED + " is canceled");
  }

  @Override
  public WriteDiff diff(
      String key, ObjectNode record, PlexWriteClient plex, PlexReferences references) {
    String id = PlexWriteKeys.targetId(entity(), record, key);
    ObjectNode current = plex.release(id).orElse(null);
    if (current == null) {
      return WriteDiff.rejected(key, id, PlexGuesses.NOT_FOUND_CODE, notFound(id));
    }
    if (canceled(current)) {
      return WriteDiff.of(key, id, List.of());
    }
    return WriteDiff.of(
        key,
        id,
        List.of(
            new WriteDiff.FieldChange(
                "status",
                current.get("status"),
                Json.mapper().getNodeFactory().textNode(PlexGuesses.RELEASE_CANCELED_STATUS))));
  }

  @Override
  public WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex) {
    String id = PlexWriteKeys.targetId(entity(), record, key);
    ObjectNode current = plex.release(id).orElse(null);
    if (current == null) {
      return WriteOutcome.rejected(key, id, PlexGuesses.NOT_FOUND_CODE, notFound(id));
    }
    if (canceled(current)) {
      return new WriteOutcome(key, WriteOutcome.UNCHANGED, id, null, null);
    }
    return PlexReleaseUpsert.outcome(
        key, id, WriteOutcome.UPDATED, plex.cancelRelease(id, PlexGuesses.RELEASE_CANCELED_STATUS));
  }

  private static boolean canceled(ObjectNode release) {
    return PlexGuesses.RELEASE_STATUSES_NOT_ORDERED.contains(release.path("status").asText());
  }

  private static String notFound(String id) {
    return "Plex has no release with id '" + id + "'.";
  }
}
