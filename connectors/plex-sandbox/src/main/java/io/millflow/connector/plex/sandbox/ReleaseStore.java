package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The purchase-order releases the sandbox serves: those generated with the orders, overlaid by the
 * ones created, updated or canceled through the API. A written release keeps its own {@code
 * modifiedDate}, so a release can change while its order does not, as in Plex. Thread-safe.
 */
final class ReleaseStore {

  /** A write Plex refuses with a 400 and these entries. */
  static final class Refused extends Exception {
    private final transient List<ErrorDetail> errors;

    Refused(List<ErrorDetail> errors) {
      super(errors.getFirst().message(), null, false, false);
      this.errors = List.copyOf(errors);
    }

    List<ErrorDetail> errors() {
      return errors;
    }
  }

  /** A generated release's modified date lies up to this long before its order's. */
  private static final Duration LINE_MODIFIED_SPREAD = Duration.ofHours(1);

  private final PurchaseOrderData orders;
  private final Clock clock;
  private final Map<String, ObjectNode> written = new ConcurrentHashMap<>();
  private final AtomicLong creates = new AtomicLong();

  ReleaseStore(PurchaseOrderData orders, Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  Optional<ObjectNode> find(String id) {
    ObjectNode release = written.get(id);
    return release != null ? Optional.of(release.deepCopy()) : orders.release(id);
  }

  /** Every release matching the search, written ones as written. */
  Stream<ObjectNode> search(ReleaseSearch search) {
    Stream<ObjectNode> generated =
        candidateOrders(search)
            .mapToObj(orders::releases)
            .flatMap(array -> StreamSupport.stream(array.spliterator(), false))
            .map(ObjectNode.class::cast)
            .filter(release -> !written.containsKey(release.get("id").asText()));
    return Stream.concat(generated, written.values().stream().map(ObjectNode::deepCopy))
        .filter(search::matches);
  }

  /** How many releases the API created. */
  long created() {
    return creates.get();
  }

  ObjectNode create(JsonNode body) throws Refused {
    List<ErrorDetail> errors = new ArrayList<>();
    for (String field : PlexGuesses.RELEASE_REQUIRED_ON_CREATE) {
      if (body.path(field).isMissingNode() || body.path(field).isNull()) {
        errors.add(
            new ErrorDetail(
                PlexGuesses.FIELD_REQUIRED_CODE,
                "'" + field + "' is required to create a release."));
      }
    }
    String lineId = body.path("poLineItemId").asText(null);
    Optional<ObjectNode> line = lineId == null ? Optional.empty() : orders.lineItem(lineId);
    if (lineId != null && line.isEmpty()) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.INVALID_REFERENCE_CODE,
              "No purchase order line item with id '" + lineId + "' exists."));
    }
    checkValues(body, errors);
    String id = body.path("id").asText(null);
    if (id != null && !isUuid(id)) {
      errors.add(new ErrorDetail("INVALID_VALUE", "'id' must be a UUID, not '" + id + "'."));
    }
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    int orderIndex = orders.orderOfLine(lineId);
    String now = PlexTimestamps.format(clock.instant());
    ObjectNode release = orders.releaseOfLine(orderIndex, line.get());
    release.put("id", id != null ? id : UUID.randomUUID().toString());
    release.put("status", body.path("status").asText("Open"));
    release.put("releaseDate", now);
    release.put("quantity", body.get("quantity").decimalValue());
    release.put("dueDate", body.get("dueDate").asText());
    release.put("originalDueDate", body.get("dueDate").asText());
    release.put("releaseLineNumber", body.path("releaseLineNo").asInt(1));
    copyText(body, release, "note", "type", "poShipTo");
    release.put("createdDate", now);
    release.put("modifiedDate", now);
    if ((id != null && orders.release(id).isPresent())
        || written.putIfAbsent(release.get("id").asText(), release) != null) {
      throw new Refused(
          List.of(
              new ErrorDetail(
                  PlexGuesses.DUPLICATE_ID_CODE, "A release with id '" + id + "' exists.")));
    }
    creates.incrementAndGet();
    return release.deepCopy();
  }

  /** The updated release, or empty when none has this id. */
  Optional<ObjectNode> update(String id, JsonNode body) throws Refused {
    List<ErrorDetail> errors = new ArrayList<>();
    checkValues(body, errors);
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    Optional<ObjectNode> current = find(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode release = current.get();
    for (String field : PlexPublishedFields.RELEASE_UPDATE) {
      JsonNode value = body.get(field);
      if (value != null && PlexPublishedFields.RELEASE.contains(field)) {
        release.set(field, value); // firmDays and the like steer Plex's logic; not stored
      }
    }
    release.put("modifiedDate", PlexTimestamps.format(clock.instant()));
    written.put(id, release);
    return Optional.of(release.deepCopy());
  }

  /** False when no release has this id. */
  boolean cancel(String id, String status) {
    Optional<ObjectNode> current = find(id);
    if (current.isEmpty()) {
      return false;
    }
    ObjectNode release = current.get();
    release.put("status", status);
    release.put("modifiedDate", PlexTimestamps.format(clock.instant()));
    written.put(id, release);
    return true;
  }

  private IntStream candidateOrders(ReleaseSearch search) {
    if (!search.orderIds().isEmpty()) {
      return search.orderIds().stream().mapToInt(orders::indexOf).filter(i -> i >= 0).distinct();
    }
    if (search.lineItemId() != null) {
      int index = orders.orderOfLine(search.lineItemId());
      return index < 0 ? IntStream.empty() : IntStream.of(index);
    }
    if (search.modifiedBegin() != null || search.modifiedEnd() != null) {
      Instant end =
          search.modifiedEnd() == null ? null : search.modifiedEnd().plus(LINE_MODIFIED_SPREAD);
      return orders.modifiedBetween(search.modifiedBegin(), end);
    }
    return IntStream.range(0, orders.count());
  }

  private static void checkValues(JsonNode body, List<ErrorDetail> errors) {
    JsonNode quantity = body.get("quantity");
    if (quantity != null
        && !quantity.isNull()
        && (!quantity.isNumber() || quantity.doubleValue() < 0)) {
      errors.add(
          new ErrorDetail(
              "INVALID_VALUE", "'quantity' must be a number of 0 or more, not " + quantity + "."));
    }
    JsonNode due = body.get("dueDate");
    if (due != null && !due.isNull()) {
      try {
        PlexTimestamps.parseStrict(due.asText());
      } catch (DateTimeParseException e) {
        errors.add(
            new ErrorDetail(
                "INVALID_DATE_TIME",
                "'dueDate' must be a UTC date-time, not '" + due.asText() + "'."));
      }
    }
  }

  private static void copyText(JsonNode from, ObjectNode to, String... fields) {
    for (String field : fields) {
      if (from.hasNonNull(field)) {
        to.put(field, from.get(field).asText());
      }
    }
  }

  private static boolean isUuid(String text) {
    try {
      UUID.fromString(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
