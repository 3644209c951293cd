package io.millflow.engine.dataset;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;

/**
 * The claim-check store in PostgreSQL: a dataset is a row in {@code dataset} and compressed chunks
 * in {@code dataset_chunk}. Writers flush a chunk as it fills; readers load one chunk at a time, so
 * neither side ever holds a whole dataset.
 */
@Singleton
public class PostgresDatasetStore {

  private final Jdbi jdbi;
  private final int chunkRecords;

  @Inject
  public PostgresDatasetStore(StateStore store, MillflowConfig config) {
    this(store.jdbi(), config.datasets().chunkRecords());
  }

  public PostgresDatasetStore(Jdbi jdbi, int chunkRecords) {
    this.jdbi = jdbi;
    this.chunkRecords = chunkRecords;
  }

  /**
   * The store as one run's steps see it: new datasets belong to that run, reads are limited to the
   * tenant.
   */
  public DatasetStore forRun(String tenantId, UUID runId) {
    return new DatasetStore() {
      @Override
      public DatasetWriter create(String entity) {
        return new ChunkedWriter(tenantId, runId, entity);
      }

      @Override
      public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
        return PostgresDatasetStore.this.read(tenantId, ref, type);
      }

      @Override
      public DatasetWriter create(String entity, String name) {
        UUID id = namedId(tenantId, name);
        // an attempt killed while writing it left it unsealed: it is this attempt's to write again
        jdbi.useHandle(
            h ->
                h.createUpdate("delete from dataset where id = :id and status = 'writing'")
                    .bind("id", id)
                    .execute());
        return new ChunkedWriter(tenantId, runId, entity, id);
      }

      @Override
      public Optional<DatasetRef> named(String name) {
        UUID id = namedId(tenantId, name);
        return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select record_count, entity from dataset where id = :id and tenant_id = :tenant and status = 'sealed'")
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .map((rs, ctx) -> new DatasetRef(id.toString(), rs.getLong(1), rs.getString(2)))
                    .findOne());
      }
    };
  }

  /** A named dataset's id: the same for the same tenant and name, so a retried attempt finds it. */
  private static UUID namedId(String tenantId, String name) {
    return UUID.nameUUIDFromBytes(
        ("millflow:dataset:" + tenantId + ":" + name).getBytes(StandardCharsets.UTF_8));
  }

  <T> Stream<T> read(String tenantId, DatasetRef ref, Class<T> type) {
    UUID id = parseId(ref);
    int chunks =
        jdbi.withHandle(
                h ->
                    h.createQuery(
                            """
            select count(c.seq) from dataset d left join dataset_chunk c on c.dataset_id = d.id
            where d.id = :id and d.tenant_id = :tenant and d.status = 'sealed' group by d.id""")
                        .bind("id", id)
                        .bind("tenant", tenantId)
                        .mapTo(Integer.class)
                        .findOne())
            .orElseThrow(() -> notFound(ref));
    Iterator<T> records = new ChunkIterator<>(id, chunks, type);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false);
  }

  private static UUID parseId(DatasetRef ref) {
    try {
      return UUID.fromString(ref.dataset());
    } catch (IllegalArgumentException e) {
      throw notFound(ref);
    }
  }

  private static StepFailure notFound(DatasetRef ref) {
    return new StepFailure(
        "DATASET_NOT_FOUND",
        "Dataset "
            + ref.dataset()
            + " ("
            + ref.entity()
            + ") does not exist: it expired after the retention period, or was never finished by the step that wrote it.");
  }

  private final class ChunkIterator<T> implements Iterator<T> {
    private final UUID dataset;
    private final int chunks;
    private final Class<T> type;
    private int nextChunk;
    private Iterator<T> current = java.util.Collections.emptyIterator();

    ChunkIterator(UUID dataset, int chunks, Class<T> type) {
      this.dataset = dataset;
      this.chunks = chunks;
      this.type = type;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && nextChunk < chunks) {
        current = loadChunk(nextChunk++).iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    private List<T> loadChunk(int seq) {
      byte[] data =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select data from dataset_chunk where dataset_id = :id and seq = :seq")
                      .bind("id", dataset)
                      .bind("seq", seq)
                      .mapTo(byte[].class)
                      .one());
      return DatasetChunks.read(data, type);
    }
  }

  private final class ChunkedWriter implements DatasetWriter {
    private final UUID id;
    private final String entity;
    private DatasetChunks.Builder chunk = new DatasetChunks.Builder();
    private int nextSeq;
    private long count;
    private boolean finished;

    ChunkedWriter(String tenantId, UUID runId, String entity) {
      this(tenantId, runId, entity, UUID.randomUUID());
    }

    ChunkedWriter(String tenantId, UUID runId, String entity, UUID id) {
      this.id = id;
      this.entity = entity;
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      """
              insert into dataset (id, tenant_id, run_id, entity, status) values (:id, :tenant, cast(:run as uuid), :entity, 'writing')""")
                  .bind("id", id)
                  .bind("tenant", tenantId)
                  .bind("run", runId == null ? null : runId.toString())
                  .bind("entity", entity)
                  .execute());
    }

    @Override
    public void add(Object record) {
      chunk.add(record);
      added();
    }

    @Override
    public void addJson(byte[] json, int offset, int length) {
      chunk.addJson(json, offset, length);
      added();
    }

    private void added() {
      count++;
      if (chunk.count() >= chunkRecords) {
        flush();
      }
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public DatasetRef finish() {
      if (chunk.count() > 0) {
        flush();
      }
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "update dataset set status = 'sealed', record_count = :count, sealed_at = now() where id = :id")
                  .bind("count", count)
                  .bind("id", id)
                  .execute());
      finished = true;
      return new DatasetRef(id.toString(), count, entity);
    }

    @Override
    public void close() {
      if (!finished) {
        jdbi.useHandle(
            h -> h.createUpdate("delete from dataset where id = :id").bind("id", id).execute());
      }
    }

    private void flush() {
      byte[] data = chunk.finish();
      int records = chunk.count();
      int seq = nextSeq++;
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "insert into dataset_chunk (dataset_id, seq, record_count, data) values (:id, :seq, :count, :data)")
                  .bind("id", id)
                  .bind("seq", seq)
                  .bind("count", records)
                  .bind("data", data)
                  .execute());
      chunk = new DatasetChunks.Builder();
    }
  }
}
