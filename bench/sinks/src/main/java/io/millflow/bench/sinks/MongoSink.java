package io.millflow.bench.sinks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.millflow.connector.mongodb.MongoConnections;
import io.millflow.connector.mongodb.MongoWrite;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;

/**
 * mongodb.write upsert against a bare unordered {@code insertMany} (1,000 documents a call) of the documents the step
 * stored, on mongo-java-server (in process, memory backend: the server's data lives in the bench's own heap).
 */
final class MongoSink implements Sink {

  private static final int BATCH = 1_000;

  private final MongoServer server;
  private final String url;
  private final Path work;

  private MongoSink(MongoServer server, Path work) {
    this.server = server;
    this.url = "mongodb://127.0.0.1:" + server.bind().getPort() + "/";
    this.work = work;
  }

  static MongoSink start(Path work) {
    return new MongoSink(new MongoServer(new MemoryBackend()), work);
  }

  @Override
  public Labels labels() {
    return new Labels("mongo-java-server 1.47 (in process, memory)", "mongodb.write upsert", "bare insertMany",
        "documents");
  }

  @Override
  public Result run(DatasetRef dataset, FileDatasetStore store, String prefix) throws Exception {
    Connection connection = new Connection("bench", "mongodb", Map.of("connectionString", url,
        "database", prefix + "_step"), Map.of());
    BenchContext.Written written;
    try (MongoConnections connections = new MongoConnections()) {
      written = BenchContext.upsert(new MongoWrite(connections), connection, store, dataset);
    }
    String collection = written.result().target().substring(written.result().target().indexOf('.') + 1);
    try (MongoClient client = MongoClients.create(url)) {
      MongoCollection<RawBsonDocument> stepDocuments = client.getDatabase(prefix + "_step")
          .getCollection(collection, RawBsonDocument.class);
      long stored = stepDocuments.countDocuments();
      Path file = export(stepDocuments, prefix);
      // Frees the server's copy: the bare load starts from the same empty server the step started from.
      client.getDatabase(prefix + "_step").drop();
      MongoCollection<RawBsonDocument> bareDocuments = client.getDatabase(prefix + "_bare")
          .getCollection(collection, RawBsonDocument.class);
      Timed bare = Timed.of(() -> insert(file, bareDocuments));
      long loaded = bareDocuments.countDocuments();
      if (loaded != stored) {
        throw new IllegalStateException("The step stored " + stored + " documents, the bare load " + loaded);
      }
      client.getDatabase(prefix + "_bare").drop();
      Files.delete(file);
      return new Result(written.timed(), bare, loaded);
    }
  }

  private Path export(MongoCollection<RawBsonDocument> documents, String prefix) throws Exception {
    Path file = work.resolve(prefix + "-documents.bson");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (RawBsonDocument document : documents.find().batchSize(BATCH)) {
        java.nio.ByteBuffer bytes = document.getByteBuffer().asNIO();
        out.writeInt(bytes.remaining());
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      }
    }
    return file;
  }

  /** The bare loader: read the documents back and insert them, 1,000 a call, unordered. */
  private static void insert(Path file, MongoCollection<RawBsonDocument> target) throws Exception {
    InsertManyOptions unordered = new InsertManyOptions().ordered(false);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      List<RawBsonDocument> batch = new ArrayList<>(BATCH);
      while (true) {
        try {
          batch.add(new RawBsonDocument(in.readNBytes(in.readInt())));
        } catch (EOFException end) {
          break;
        }
        if (batch.size() == BATCH) {
          target.insertMany(batch, unordered);
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        target.insertMany(batch, unordered);
      }
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
