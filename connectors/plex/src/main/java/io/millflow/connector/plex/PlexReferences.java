package io.millflow.connector.plex;

import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.step.write.WriteDiff;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The records a dry run's records refer to, each read once per run by the GET Plex publishes for it
 * (paced by the connection's rate limiter as every call), so a dry run rejects a record naming an
 * unknown one with the code the write would get, and its diff matches what the write would do.
 * Thread-safe: the records in flight share it, and a reference they share is read once.
 */
final class PlexReferences {

  /** A kind of referenced record: how to read one, and the code a write naming an unknown gets. */
  enum Kind {
    /**
     * A receipt's {@code supplierId}: {@code GET /mdm/v1/suppliers/{id}}; the create answers 400
     * {@link PlexGuesses#INVALID_REFERENCE_CODE}.
     */
    SUPPLIER("supplier", PlexGuesses.INVALID_REFERENCE_CODE, (plex, id) -> plex.supplier(id)),
    /**
     * Recorded production's {@code partId} and its components' ({@code batchComponentQuantities}):
     * {@code GET /mdm/v1/parts/{id}}; the record call answers 400 {@link
     * PlexGuesses#INVALID_REFERENCE_CODE}.
     */
    PART("part", PlexGuesses.INVALID_REFERENCE_CODE, (plex, id) -> plex.part(id)),
    /**
     * Recorded production's {@code workcenterId}: {@code GET
     * /production/v1/production-definitions/workcenters/{id}}; the record call answers 404.
     */
    WORKCENTER("workcenter", PlexGuesses.NOT_FOUND_CODE, (plex, id) -> plex.workcenter(id));

    private final String noun;
    private final String writeCode;
    private final BiFunction<PlexWriteClient, String, Optional<?>> read;

    Kind(String noun, String writeCode, BiFunction<PlexWriteClient, String, Optional<?>> read) {
      this.noun = noun;
      this.writeCode = writeCode;
      this.read = read;
    }
  }

  private final PlexWriteClient plex;
  private final ConcurrentHashMap<String, CompletableFuture<Boolean>> known =
      new ConcurrentHashMap<>();

  PlexReferences(PlexWriteClient plex) {
    this.plex = plex;
  }

  /**
   * The diff of a record whose {@code field} names {@code id}, a {@code kind} Plex does not have:
   * {@code rejected} with the write's code; empty when Plex has it (or the field is empty).
   */
  Optional<WriteDiff> unknown(String key, Kind kind, String field, String id) {
    if (id == null || id.isBlank() || exists(kind, id)) {
      return Optional.empty();
    }
    return Optional.of(
        WriteDiff.rejected(
            key,
            null,
            kind.writeCode,
            "No "
                + kind.noun
                + " with id '"
                + id
                + "' exists in Plex ('"
                + field
                + "'): the write would be refused."));
  }

  private boolean exists(Kind kind, String id) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> earlier = known.putIfAbsent(kind + "/" + id, mine);
    if (earlier != null) {
      try {
        return earlier.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      boolean found = kind.read.apply(plex, id).isPresent();
      mine.complete(found);
      return found;
    } catch (RuntimeException e) {
      known.remove(kind + "/" + id, mine); // a later record asks again
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
