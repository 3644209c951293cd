package io.millflow.connector.mongodb;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.Date;
import org.bson.RawBsonDocument;

/**
 * One record's write, before it joins a bulk write: its 1-based number in the dataset (for
 * messages), its key (null when records have no key), its source updated-at (null when unknown) and
 * the operation.
 *
 * @param document when set, the whole document the write stores under {@code _id = key}: {@link
 *     BulkWrites} then compares it with the stored one first, and writes nothing, or a plain
 *     insert, where that is enough
 * @param fallback when set, the write to try instead after a duplicate-key error (the guarded
 *     upsert of an insert)
 */
record PendingWrite(
    long recordNumber,
    Object key,
    Date version,
    WriteModel<RawBsonDocument> model,
    RawBsonDocument document,
    WriteModel<RawBsonDocument> fallback) {

  PendingWrite(long recordNumber, Object key, Date version, WriteModel<RawBsonDocument> model) {
    this(recordNumber, key, version, model, null, null);
  }

  /**
   * Whether this write should win over {@code other}, a write of the same key earlier in the batch.
   */
  boolean supersedes(PendingWrite other) {
    return !isOlderThan(other.version);
  }

  /**
   * Whether this write's version is older than {@code stored}; an unknown version never beats a
   * known one.
   */
  boolean isOlderThan(Date stored) {
    return stored != null && (version == null || version.before(stored));
  }

  /**
   * The write as a plain insert, falling back to the guarded upsert should the key appear
   * meanwhile.
   */
  PendingWrite asInsert() {
    return new PendingWrite(
        recordNumber, key, version, new InsertOneModel<>(document), null, model);
  }

  /** The write to try again after a duplicate-key error. */
  PendingWrite retry() {
    return fallback == null ? this : new PendingWrite(recordNumber, key, version, fallback);
  }
}
