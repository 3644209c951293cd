package io.millflow.engine.dataset;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jdbi.v3.core.Jdbi;

/**
 * A stored dataset's records as JSON lines, as they are stored, one chunk loaded at a time: the
 * preview stops after its first lines, a download streams them all, and neither holds the whole
 * dataset.
 */
@Singleton
public class DatasetLines {

  /** Takes one line; answers whether to go on to the next. */
  @FunctionalInterface
  public interface LineVisitor {
    boolean visit(String line) throws IOException;
  }

  private final Jdbi jdbi;

  @Inject
  public DatasetLines(StateStore store) {
    this(store.jdbi());
  }

  DatasetLines(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Visits the dataset's lines in order until the visitor answers false or they run out. */
  public void forEach(UUID dataset, LineVisitor visitor) throws IOException {
    int chunks =
        jdbi.withHandle(
            h ->
                h.createQuery("select count(*) from dataset_chunk where dataset_id = :id")
                    .bind("id", dataset)
                    .mapTo(Integer.class)
                    .one());
    for (int seq = 0; seq < chunks; seq++) {
      if (!visitChunk(load(dataset, seq), visitor)) {
        return;
      }
    }
  }

  private byte[] load(UUID dataset, int seq) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select data from dataset_chunk where dataset_id = :id and seq = :seq")
                .bind("id", dataset)
                .bind("seq", seq)
                .mapTo(byte[].class)
                .findOne()
                .orElseThrow(
                    () ->
                        new UncheckedIOException(
                            new IOException(
                                "Dataset " + dataset + " was deleted while it was being read"))));
  }

  private static boolean visitChunk(byte[] data, LineVisitor visitor) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(data)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty() && !visitor.visit(line)) {
          return false;
        }
      }
    }
    return true;
  }
}
