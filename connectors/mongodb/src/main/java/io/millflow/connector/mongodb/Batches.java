package io.millflow.connector.mongodb;

import com.mongodb.client.MongoCollection;
import io.millflow.step.RetryableStepException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;

/**
 * Cuts a record stream into batches, so a write holds two batches in memory, never the whole
 * dataset. While one batch is written (by a writer thread of the step's own), the next is read and
 * encoded: the server's work and the step's own overlap instead of taking turns. Batches are still
 * written one after the other, in the dataset's order.
 */
final class Batches {

  private static final ThreadFactory WRITER =
      Thread.ofPlatform().name("mongodb.write").daemon().factory();

  /** The write of one record; {@code recordNumber} counts from 1 over the whole dataset. */
  @FunctionalInterface
  interface ToWrite<T> {
    PendingWrite of(T record, long recordNumber);
  }

  private Batches() {}

  /**
   * Writes the stream batch by batch, reports the records done after each batch, and sums the
   * counts.
   */
  static <T> WriteCounts write(
      Stream<T> records,
      int size,
      MongoCollection<RawBsonDocument> collection,
      ToWrite<T> toWrite,
      LongConsumer progress) {
    Iterator<T> it = records.iterator();
    WriteCounts counts = WriteCounts.NONE;
    long read = 0;
    // close() waits for a batch still being written, so nothing is written after the step has
    // returned or failed.
    try (ExecutorService writer = Executors.newSingleThreadExecutor(WRITER)) {
      Future<WriteCounts> writing = null;
      while (it.hasNext()) {
        List<PendingWrite> batch = new ArrayList<>(size);
        while (batch.size() < size && it.hasNext()) {
          batch.add(toWrite.of(it.next(), read + batch.size() + 1));
        }
        if (writing != null) {
          counts = counts.plus(finish(writing));
          progress.accept(read);
        }
        writing = writer.submit(() -> BulkWrites.write(collection, batch));
        read += batch.size();
      }
      if (writing != null) {
        counts = counts.plus(finish(writing));
        progress.accept(read);
      }
    }
    return counts;
  }

  private static WriteCounts finish(Future<WriteCounts> writing) {
    try {
      return writing.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Writing a batch failed", e.getCause());
    } catch (InterruptedException e) {
      writing.cancel(true);
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while writing a batch to MongoDB", e);
    }
  }
}
