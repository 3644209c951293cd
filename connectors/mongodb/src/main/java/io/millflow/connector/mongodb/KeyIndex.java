package io.millflow.connector.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.millflow.step.StepFailure;
import java.util.List;
import java.util.Set;

/**
 * The unique index on a generic dataset's key fields. Without it every keyed write scans the
 * collection, and two concurrent runs could each insert the same key.
 */
final class KeyIndex {

  /**
   * IndexOptionsConflict, IndexKeySpecsConflict, IndexAlreadyExists: an index on these keys is
   * there already.
   */
  private static final Set<Integer> EXISTS = Set.of(85, 86, 68);

  private KeyIndex() {}

  static void ensure(MongoCollection<?> collection, List<String> keyFields) {
    if (keyFields.isEmpty() || keyFields.equals(List.of("_id"))) {
      return;
    }
    try {
      collection.createIndex(Indexes.ascending(keyFields), new IndexOptions().unique(true));
    } catch (MongoCommandException e) {
      if (e.getErrorCode() == MongoErrors.DUPLICATE_KEY) {
        throw new StepFailure(
            "KEY_FIELDS_NOT_UNIQUE",
            "Collection "
                + collection.getNamespace().getCollectionName()
                + " already holds documents with equal "
                + keyFields
                + ", so the key fields cannot be made unique:"
                + " remove the duplicates, or set the step's 'keyFields' to fields that identify a document.",
            e);
      }
      if (!EXISTS.contains(e.getErrorCode())) {
        throw e;
      }
    }
  }
}
