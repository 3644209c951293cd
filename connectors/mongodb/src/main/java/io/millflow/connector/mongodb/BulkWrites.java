package io.millflow.connector.mongodb;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Runs one batch as an unordered {@code bulkWrite} and counts exactly what it did. A duplicate-key
 * error on a guarded upsert means the stored document is newer than the incoming one (the filter
 * did not match, so the server tried to insert a second document with that key): it counts as
 * unchanged. It could also mean another writer inserted the key a moment before, so those writes
 * are tried once more (a plain insert as its guarded upsert), when the filter sees the stored
 * document.
 */
final class BulkWrites {

  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

  private BulkWrites() {}

  static WriteCounts write(MongoCollection<RawBsonDocument> collection, List<PendingWrite> batch) {
    List<PendingWrite> newest = newestPerKey(batch);
    Plan plan = compareWithStored(collection, newest);
    List<PendingWrite> writes = plan.writes();
    long superseded = batch.size() - newest.size() + plan.identical();
    Attempt first = attempt(collection, writes);
    WriteCounts counts = first.counts();
    if (!first.duplicates().isEmpty()) {
      // A guarded upsert that still finds the key taken: the stored document is newer than this
      // version.
      Attempt second =
          attempt(collection, first.duplicates().stream().map(PendingWrite::retry).toList());
      counts =
          counts.plus(second.counts()).plus(new WriteCounts(0, 0, 0, second.duplicates().size()));
    }
    return counts.plus(new WriteCounts(0, 0, superseded, plan.older()));
  }

  /**
   * One write per key: the newest version, the later record on a tie; records without a key are all
   * kept.
   */
  static List<PendingWrite> newestPerKey(List<PendingWrite> batch) {
    Map<Object, PendingWrite> byKey = new LinkedHashMap<>();
    for (PendingWrite write : batch) {
      Object key = write.key() == null ? new Object() : write.key();
      byKey.merge(
          key, write, (stored, incoming) -> incoming.supersedes(stored) ? incoming : stored);
    }
    return new ArrayList<>(byKey.values());
  }

  /**
   * The writes to send, and the records needing none: stored exactly so, or stored in a newer
   * version.
   */
  private record Plan(List<PendingWrite> writes, long identical, long older) {}

  /**
   * Compares the writes that carry a whole document with what is stored, with one indexed lookup
   * per batch: an identical or newer stored document needs no write at all (a re-run then costs
   * reads, not writes), an absent key a plain insert. A key stored by someone else meanwhile makes
   * that insert fail with a duplicate key, and the guarded upsert is tried instead; the guard also
   * still protects the remaining replaces against concurrent writers.
   */
  private static Plan compareWithStored(
      MongoCollection<RawBsonDocument> collection, List<PendingWrite> writes) {
    List<Object> keys =
        writes.stream().filter(write -> write.document() != null).map(PendingWrite::key).toList();
    if (keys.isEmpty()) {
      return new Plan(writes, 0, 0);
    }
    Map<Object, RawBsonDocument> stored = new HashMap<>();
    collection
        .find(Filters.in("_id", keys))
        .forEach(document -> stored.put(key(document.get("_id")), document));
    List<PendingWrite> planned = new ArrayList<>(writes.size());
    long older = 0;
    for (PendingWrite write : writes) {
      RawBsonDocument current = write.document() == null ? null : stored.get(write.key());
      if (write.document() != null && current == null) {
        planned.add(write.asInsert());
      } else if (current == null) {
        planned.add(write);
      } else if (!same(current, write.document())) {
        if (write.isOlderThan(UnifiedDocuments.sourceUpdatedAt(current))) {
          older++;
        } else {
          planned.add(write);
        }
      }
    }
    return new Plan(planned, writes.size() - planned.size() - older, older);
  }

  /** The key as {@link PendingWrite} holds it: unified keys are strings. */
  private static Object key(BsonValue id) {
    return id != null && id.isString() ? id.asString().getValue() : id;
  }

  /** Equal bytes, or else equal content (a server may store the same fields in another order). */
  private static boolean same(RawBsonDocument stored, RawBsonDocument incoming) {
    return stored.getByteBuffer().asNIO().equals(incoming.getByteBuffer().asNIO())
        || stored.equals(incoming);
  }

  private record Attempt(WriteCounts counts, List<PendingWrite> duplicates) {}

  private static Attempt attempt(
      MongoCollection<RawBsonDocument> collection, List<PendingWrite> writes) {
    if (writes.isEmpty()) {
      return new Attempt(WriteCounts.NONE, List.of());
    }
    List<WriteModel<RawBsonDocument>> models = writes.stream().map(PendingWrite::model).toList();
    try {
      return new Attempt(
          counts(collection.bulkWrite(models, UNORDERED), writes, Set.of()), List.of());
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().isEmpty()) {
        throw e; // a write-concern error: the writes may or may not have happened; let the error
        // model decide
      }
      List<PendingWrite> duplicates = new ArrayList<>();
      Set<Integer> failed = new HashSet<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != MongoErrors.DUPLICATE_KEY) {
          throw invalid(error, writes.get(error.getIndex()), e);
        }
        duplicates.add(writes.get(error.getIndex()));
        failed.add(error.getIndex());
      }
      return new Attempt(counts(e.getWriteResult(), writes, failed), duplicates);
    }
  }

  /**
   * Inserts are counted from the requests that did not fail, not from the reply's count:
   * mongo-java-server counts a failed insert as inserted. Upserts are listed by index,
   * modifications counted by the server.
   */
  private static WriteCounts counts(
      BulkWriteResult result, List<PendingWrite> writes, Set<Integer> failed) {
    long inserts =
        IntStream.range(0, writes.size())
            .filter(
                i ->
                    writes.get(i).model() instanceof InsertOneModel<RawBsonDocument>
                        && !failed.contains(i))
            .count();
    long inserted = inserts + result.getUpserts().size();
    long updated = result.getModifiedCount();
    return new WriteCounts(inserted, updated, writes.size() - failed.size() - inserted - updated);
  }

  private static StepFailure invalid(BulkWriteError error, PendingWrite write, Exception cause) {
    return new StepFailure(
        "INVALID_DATA",
        "MongoDB refused record "
            + write.recordNumber()
            + " of the dataset"
            + " ["
            + error.getCode()
            + "]: "
            + error.getMessage()
            + ". Fix the record in an earlier step; the records"
            + " before it in its batch of the run may have been written.",
        cause);
  }
}
