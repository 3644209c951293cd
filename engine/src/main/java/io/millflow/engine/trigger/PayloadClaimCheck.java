package io.millflow.engine.trigger;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.dataset.PostgresDatasetStore;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the variables a webhook starts a flow (or publishes a message) with small enough for the
 * engine: Zeebe refuses a message over 4 MB, and a trigger may accept 10 MB. While the variables
 * are larger than {@code millflow.webhooks.inline-variables-bytes} as JSON, the largest one is put
 * in the dataset store and the flow gets its {@link DatasetRef} in its place, {@code {"dataset":
 * "<id>", "count": <records>, "entity": "payload"}}, as records travel between steps; a step reads
 * it like any dataset (e.g. {@code records: =body}). A list becomes one record per item, any other
 * value one record; an item that is not a JSON object is kept as {@code {"value": item}}.
 */
@Singleton
public class PayloadClaimCheck {

  /** The entity of a payload put in the dataset store. */
  public static final String ENTITY = "payload";

  private final PostgresDatasetStore datasets;
  private final long maxInlineBytes;

  @Inject
  public PayloadClaimCheck(PostgresDatasetStore datasets, MillflowConfig config) {
    this(datasets, config.webhooks().inlineVariablesBytes());
  }

  PayloadClaimCheck(PostgresDatasetStore datasets, long maxInlineBytes) {
    this.datasets = datasets;
    this.maxInlineBytes = maxInlineBytes;
  }

  /**
   * The variables as they may travel to the engine: the same ones when small enough, else the
   * largest by reference.
   */
  public Map<String, Object> small(String tenantId, Map<String, Object> variables) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    variables.forEach((name, value) -> sizes.put(name, jsonBytes(value)));
    long total = sizes.values().stream().mapToLong(Long::longValue).sum();
    if (total <= maxInlineBytes) {
      return variables;
    }
    Map<String, Object> small = new LinkedHashMap<>(variables);
    List<String> largestFirst =
        sizes.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .toList();
    for (String name : largestFirst) {
      if (total <= maxInlineBytes) {
        break;
      }
      Object reference =
          Json.mapper().convertValue(store(tenantId, variables.get(name)), Object.class);
      small.put(name, reference);
      total += jsonBytes(reference) - sizes.get(name);
    }
    return small;
  }

  private DatasetRef store(String tenantId, Object value) {
    // Not yet a run's: kept for millflow.datasets.retention, like every dataset of a finished run.
    try (DatasetWriter writer = datasets.forRun(tenantId, null).create(ENTITY)) {
      if (value instanceof List<?> items) {
        items.forEach(item -> writer.add(record(item)));
      } else {
        writer.add(record(value));
      }
      return writer.finish();
    }
  }

  private static Object record(Object item) {
    return item instanceof Map<?, ?> ? item : java.util.Collections.singletonMap("value", item);
  }

  private static long jsonBytes(Object value) {
    Counting counting = new Counting();
    try {
      Json.mapper().writeValue(counting, value);
    } catch (IOException e) {
      throw new UncheckedIOException("A variable could not be written as JSON", e);
    }
    return counting.bytes;
  }

  /** Counts what is written, so measuring a 10 MB variable does not copy it. */
  private static final class Counting extends OutputStream {
    private long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
