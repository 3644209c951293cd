package io.millflow.bench.sinks;

import com.fasterxml.jackson.databind.MappingIterator;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A dataset store on local disk, one JSON line per record, read as the runtime's store reads its chunks (Jackson's byte
 * parser over the stream) minus their gzip and database round trips: the step under test streams its input, and the
 * bench's heap shows what the step itself holds. (The step-library's in-memory test store would keep a million lines
 * as strings in the heap.)
 */
final class FileDatasetStore implements DatasetStore {

  private final Path directory;

  FileDatasetStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public DatasetWriter create(String entity) {
    String id = UUID.randomUUID().toString();
    Path file = directory.resolve(id + ".jsonl");
    try {
      BufferedWriter out = Files.newBufferedWriter(file);
      return new DatasetWriter() {
        private long count;

        @Override
        public void add(Object record) {
          try {
            out.write(Json.mapper().writeValueAsString(record));
            out.write('\n');
            count++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public long count() {
          return count;
        }

        @Override
        public DatasetRef finish() {
          try {
            out.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new DatasetRef(id, count, entity);
        }

        @Override
        public void close() {
          try {
            out.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
    try {
      // As the runtime's store reads a chunk: Jackson's byte parser over a stream of JSON values, no line splitting.
      MappingIterator<T> records = Json.mapper().readerFor(type).readValues(new BufferedInputStream(
          Files.newInputStream(directory.resolve(ref.dataset() + ".jsonl")), 1 << 16));
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false)
          .onClose(() -> {
            try {
              records.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
