package io.millflow.bench.sinks;

import com.fasterxml.jackson.databind.ObjectReader;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A dataset store on local disk, one JSON line per record: the step under test streams its input from a file, as it
 * would from the runtime's store, and the bench's heap shows what the step itself holds. (The step-library's
 * in-memory test store would keep a million lines as strings in the heap.)
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
    ObjectReader reader = Json.mapper().readerFor(type);
    try {
      return Files.lines(directory.resolve(ref.dataset() + ".jsonl")).map(line -> {
        try {
          return reader.readValue(line);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
