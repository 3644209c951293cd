package io.millflow.connector.mongodb;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.millflow.model.PurchaseOrder;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server-side guard alone, without the lookup that usually spares it work: what protects a
 * newer document when another writer changed it between the lookup and the write.
 */
class BulkWritesTest {

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private MongoCollection<RawBsonDocument> collection;
  private MongoCollection<Document> documents;

  @BeforeEach
  void freshCollection() {
    documents =
        mongo
            .connections()
            .database(mongo.freshConnection("plant-mongo"))
            .getCollection("purchase_orders");
    collection = documents.withDocumentClass(RawBsonDocument.class);
  }

  @Test
  void theGuardedUpsertCountsAnOlderVersionAsSkippedOlderInsteadOfFailing() {
    collection.insertOne(stored(order("1", T0.plusSeconds(60), "approved")));

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(guarded(order("1", T0, "open"), 1), guarded(order("2", T0, "open"), 2)));

    assertThat(counts).isEqualTo(new WriteCounts(1, 0, 0, 1));
    assertThat(documents.find(new Document("_id", "1")).first())
        .containsEntry("status", "approved");
  }

  @Test
  void theGuardedUpsertReplacesAnEqualOrOlderVersionAndOneWithoutUpdatedAt() {
    collection.insertMany(
        List.of(stored(order("1", T0, "open")), stored(order("2", null, "open"))));

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(
                guarded(order("1", T0, "approved"), 1), guarded(order("2", T0, "approved"), 2)));

    assertThat(counts).isEqualTo(new WriteCounts(0, 2, 0));
    assertThat(documents.countDocuments(new Document("status", "approved"))).isEqualTo(2);
  }

  @Test
  void aPlainInsertThatMeetsAStoredKeyIsRetriedAsTheGuardedUpsert() {
    collection.insertOne(stored(order("1", T0, "open")));
    PendingWrite insert =
        DocumentWrites.unified(
                order("1", T0.plusSeconds(1), "approved"),
                PurchaseOrder.ENTITY,
                1,
                WriteMode.UPSERT)
            .asInsert();

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(
                new PendingWrite(
                    1, "1", insert.version(), insert.model(), null, insert.fallback())));

    assertThat(counts).isEqualTo(new WriteCounts(0, 1, 0));
    assertThat(documents.find().first()).containsEntry("status", "approved");
  }

  @Test
  void aPlainInsertThatMeetsANewerVersionStoredMeanwhileLeavesItAndCountsItSkippedOlder() {
    // Another writer stored a newer version of "1" between this batch's lookup (key absent) and its
    // write.
    collection.insertOne(stored(order("1", T0.plusSeconds(60), "approved")));

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(
                insertAfterLookup(order("1", T0, "open"), 1),
                insertAfterLookup(order("2", T0, "open"), 2),
                insertAfterLookup(order("3", T0, "open"), 3)));

    assertThat(counts).isEqualTo(new WriteCounts(2, 0, 0, 1));
    assertThat(documents.find(new Document("_id", "1")).first())
        .containsEntry("status", "approved");
    assertThat(documents.countDocuments()).isEqualTo(3);
  }

  @Test
  void aPlainInsertThatMeetsAnOlderVersionStoredMeanwhileReplacesIt() {
    collection.insertOne(stored(order("1", T0, "open")));

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(
                insertAfterLookup(order("2", T0, "open"), 1),
                insertAfterLookup(order("1", T0.plusSeconds(1), "approved"), 2)));

    assertThat(counts).isEqualTo(new WriteCounts(1, 1, 0));
    assertThat(documents.find(new Document("_id", "1")).first())
        .containsEntry("status", "approved");
  }

  /** The plain insert the step sends for a key its lookup did not find, without another lookup. */
  private static PendingWrite insertAfterLookup(PurchaseOrder order, long number) {
    PendingWrite insert =
        DocumentWrites.unified(order, PurchaseOrder.ENTITY, number, WriteMode.UPSERT).asInsert();
    return new PendingWrite(
        number, insert.key(), insert.version(), insert.model(), null, insert.fallback());
  }

  private static RawBsonDocument stored(PurchaseOrder order) {
    return UnifiedDocuments.of(order).document();
  }

  /** The write as the step makes it, minus the document that would let the lookup skip it. */
  private static PendingWrite guarded(PurchaseOrder order, long number) {
    PendingWrite write =
        DocumentWrites.unified(order, PurchaseOrder.ENTITY, number, WriteMode.UPSERT);
    return new PendingWrite(number, write.key(), write.version(), write.model());
  }
}
