package io.millflow.connector.mongodb;

import com.mongodb.client.MongoCollection;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * One test's view of a write: a fresh database, a step context with the connection, and what was
 * stored.
 */
final class WriteFixture {

  static final String CONNECTION = "plant-mongo";

  private final Connection connection;
  private final MongoConnections connections;
  private final TestStepContext context;
  private final MongoWrite step;

  WriteFixture(TestMongo mongo, int batchSize) {
    this(mongo.freshConnection(CONNECTION), mongo.connections(), batchSize);
  }

  private WriteFixture(Connection connection, MongoConnections connections, int batchSize) {
    this.connection = connection;
    this.connections = connections;
    this.context = new TestStepContext().withConnection(connection);
    this.step = new MongoWrite(connections, batchSize);
  }

  /** The same database, written by a step with another batch size. */
  WriteFixture withBatchSize(int batchSize) {
    return new WriteFixture(connection, connections, batchSize);
  }

  TestStepContext context() {
    return context;
  }

  WriteResult writeOrders(List<PurchaseOrder> orders) {
    return write(null, null, null, PurchaseOrder.ENTITY, orders);
  }

  WriteResult write(
      String collection, WriteMode mode, String keyFields, String entity, List<?> records) {
    DatasetRef ref = context.datasets().put(entity, records);
    return step.run(new MongoWrite.Input(CONNECTION, collection, mode, keyFields, ref), context);
  }

  MongoCollection<Document> collection(String name) {
    return connections.database(connection).getCollection(name);
  }

  /** The stored documents of a collection, ordered by {@code _id} (or by {@code sortField}). */
  List<Document> documents(String name, String sortField) {
    return collection(name).find().sort(new Document(sortField, 1)).into(new ArrayList<>());
  }

  List<Document> orders() {
    return documents("purchase_orders", "_id");
  }
}
