package io.millflow.step.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A dataset store for unit tests: records are kept as JSON, so what a test reads went through
 * serialization.
 */
public final class InMemoryDatasetStore implements DatasetStore {

  private final Map<String, List<String>> datasets = new ConcurrentHashMap<>();
  private final Map<String, DatasetRef> named = new ConcurrentHashMap<>();

  @Override
  public DatasetWriter create(String entity) {
    return create(entity, null);
  }

  @Override
  public DatasetWriter create(String entity, String name) {
    List<String> lines = new ArrayList<>();
    return new DatasetWriter() {
      @Override
      public void add(Object record) {
        try {
          lines.add(Json.mapper().writeValueAsString(record));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void addJson(byte[] json, int offset, int length) {
        lines.add(new String(json, offset, length, java.nio.charset.StandardCharsets.UTF_8));
      }

      @Override
      public long count() {
        return lines.size();
      }

      @Override
      public DatasetRef finish() {
        String id = name == null ? UUID.randomUUID().toString() : "named:" + name;
        datasets.put(id, List.copyOf(lines));
        DatasetRef ref = new DatasetRef(id, lines.size(), entity);
        if (name != null) {
          named.put(name, ref);
        }
        return ref;
      }

      @Override
      public void close() {}
    };
  }

  /** Stores the given records as a finished dataset, for tests that start from a step's input. */
  public DatasetRef put(String entity, List<?> records) {
    try (DatasetWriter writer = create(entity)) {
      records.forEach(writer::add);
      return writer.finish();
    }
  }

  @Override
  public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
    List<String> lines = datasets.get(ref.dataset());
    if (lines == null) {
      throw new StepFailure("DATASET_NOT_FOUND", "Dataset " + ref.dataset() + " does not exist");
    }
    return lines.stream()
        .map(
            line -> {
              try {
                return Json.mapper().readValue(line, type);
              } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Override
  public Optional<DatasetRef> named(String name) {
    return Optional.ofNullable(named.get(name));
  }

  public <T> List<T> readAll(DatasetRef ref, Class<T> type) {
    try (Stream<T> records = read(ref, type)) {
      return records.toList();
    }
  }
}
