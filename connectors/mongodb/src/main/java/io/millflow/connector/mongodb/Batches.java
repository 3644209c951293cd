package io.millflow.connector.mongodb;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;

/** Cuts a record stream into batches, so a write holds one batch in memory, never the whole dataset. */
final class Batches {

  /** The write of one record; {@code recordNumber} counts from 1 over the whole dataset. */
  @FunctionalInterface
  interface ToWrite<T> {
    PendingWrite of(T record, long recordNumber);
  }

  private Batches() {}

  /** Writes the stream batch by batch, reports the records done after each batch, and sums the counts. */
  static <T> WriteCounts write(Stream<T> records, int size, MongoCollection<RawBsonDocument> collection, ToWrite<T> toWrite,
      LongConsumer progress) {
    Iterator<T> it = records.iterator();
    WriteCounts counts = WriteCounts.NONE;
    long done = 0;
    while (it.hasNext()) {
      List<PendingWrite> batch = new ArrayList<>(size);
      while (batch.size() < size && it.hasNext()) {
        batch.add(toWrite.of(it.next(), done + batch.size() + 1));
      }
      counts = counts.plus(BulkWrites.write(collection, batch));
      done += batch.size();
      progress.accept(done);
    }
    return counts;
  }
}
