package io.millflow.connector.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Cuts a record stream into lists of a fixed size, so a write holds one batch in memory, never the
 * whole dataset.
 */
public final class Batches {

  /**
   * Writes one batch; {@code offset} is the number of records before it, for messages that name a
   * record.
   */
  @FunctionalInterface
  public interface BatchWriter<T> {
    WriteCounts write(List<T> batch, long offset) throws SQLException;
  }

  private Batches() {}

  /**
   * Writes the stream batch by batch, reports the records done after each batch, and sums the
   * counts.
   */
  public static <T> WriteCounts write(
      Stream<T> records, int size, BatchWriter<T> writer, LongConsumer progress)
      throws SQLException {
    Iterator<T> it = records.iterator();
    WriteCounts counts = WriteCounts.NONE;
    long done = 0;
    while (it.hasNext()) {
      List<T> batch = new ArrayList<>(size);
      while (batch.size() < size && it.hasNext()) {
        batch.add(it.next());
      }
      counts = counts.plus(writer.write(batch, done));
      done += batch.size();
      progress.accept(done);
    }
    return counts;
  }
}
