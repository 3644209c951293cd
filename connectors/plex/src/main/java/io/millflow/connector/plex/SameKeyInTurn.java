package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A dataset's records as jobs for calls that run side by side, keeping one rule: two records of the
 * same key are written in the dataset's order, the second only after the first has ended (it may
 * create what the second updates). The links are made here, on the thread that reads the records,
 * so the order is the dataset's whatever thread runs a job.
 */
final class SameKeyInTurn implements Iterator<SameKeyInTurn.Job> {

  /** One record, its key, its 1-based position, and the job of the same key before it. */
  record Job(
      long position,
      String key,
      ObjectNode record,
      CompletableFuture<Void> before,
      CompletableFuture<Void> ended) {

    /** Runs {@code calls} once the record of the same key before it has ended. */
    <T> T inTurn(Supplier<T> calls) {
      try {
        if (before != null) {
          before.join();
        }
        return calls.get();
      } finally {
        ended.complete(null);
      }
    }
  }

  private final Iterator<ObjectNode> records;
  private final String keyField;
  private final Map<String, CompletableFuture<Void>> lastOfKey = new HashMap<>();
  private long position;

  SameKeyInTurn(Iterator<ObjectNode> records, String keyField) {
    this.records = records;
    this.keyField = keyField;
  }

  @Override
  public boolean hasNext() {
    return records.hasNext();
  }

  @Override
  public Job next() {
    ObjectNode record = records.next();
    String key = record.path(keyField).asText("");
    CompletableFuture<Void> ended = new CompletableFuture<>();
    CompletableFuture<Void> before = key.isBlank() ? null : lastOfKey.put(key, ended);
    if (lastOfKey.size() > 10_000) {
      lastOfKey.values().removeIf(CompletableFuture::isDone); // keys long written need no link
    }
    return new Job(++position, key, record, before, ended);
  }
}
