package io.millflow.connector.mongodb;

/**
 * How {@link MongoWrite} treats documents that already exist. Templates send these lower-case
 * ({@code upsert}); the shared JSON mapper reads enums case-insensitively.
 */
public enum WriteMode {
  /**
   * Adds new documents; a document whose key is already stored is left as it is and counted
   * unchanged.
   */
  INSERT,
  /**
   * Adds new documents and replaces stored ones that changed, unless the stored one is newer; the
   * default.
   */
  UPSERT,
  /**
   * Deletes every document of the collection, then loads the dataset (not atomic: see README.md).
   */
  REPLACE
}
