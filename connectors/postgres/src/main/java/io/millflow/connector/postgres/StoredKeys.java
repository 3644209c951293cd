package io.millflow.connector.postgres;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Answers "is any of these keys stored?" for one write. When the table was empty as the write began
 * (created by it, emptied by {@code replace}, or new), the only stored keys are the ones this write
 * stored, since the write holds the table's lock: they are remembered in memory, up to {@link
 * #LIMIT}, and the database is asked only beyond that.
 */
final class StoredKeys {

  /** About 100 MB of keys at most; larger loads ask the database per batch. */
  static final int LIMIT = 1_000_000;

  private final String query;
  private Set<String> written;

  private StoredKeys(String query, boolean tableEmpty) {
    this.query = query;
    this.written = tableEmpty ? new HashSet<>() : null;
  }

  /**
   * {@code query} asks whether any of {@code :keys} is stored; {@code hasRows} whether the table
   * has any row.
   */
  static StoredKeys of(Handle handle, String query, String hasRows) {
    return new StoredKeys(query, !handle.createQuery(hasRows).mapTo(Boolean.class).one());
  }

  boolean anyStored(Handle handle, Collection<String> keys) {
    if (written == null) {
      return handle
          .createQuery(query)
          .bindArray("keys", String.class, keys)
          .mapTo(Boolean.class)
          .one();
    }
    for (String key : keys) {
      if (written.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Records keys the write has stored now. */
  void stored(Collection<String> keys) {
    if (written != null) {
      written.addAll(keys);
      if (written.size() > LIMIT) {
        written = null;
      }
    }
  }
}
