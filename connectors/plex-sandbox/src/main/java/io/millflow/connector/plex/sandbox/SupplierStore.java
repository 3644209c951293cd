package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import io.millflow.connector.plex.sandbox.ReleaseStore.Refused;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The suppliers the sandbox serves: the generated ones, overlaid by those created or updated
 * through {@code POST /mdm/v1/suppliers} and {@code PUT /mdm/v1/suppliers/{id}}. A supplier's
 * {@code code} is unique in the tenant, as Plex publishes; a write that would repeat one is
 * refused. Writes are serialised, so two concurrent creates of one code cannot both pass.
 */
final class SupplierStore {

  private final ResourceData generated;
  private final Clock clock;
  private final Map<String, ObjectNode> written = new ConcurrentHashMap<>();
  private final Map<String, String> idByCode = new ConcurrentHashMap<>();
  private final AtomicLong creates = new AtomicLong();

  SupplierStore(ResourceData generated, Clock clock) {
    this.generated = generated;
    this.clock = clock;
    generated.all().forEach(s -> idByCode.put(s.path("code").asText(), s.path("id").asText()));
  }

  /** Every supplier, written ones as written. */
  Stream<ObjectNode> all() {
    Stream<ObjectNode> untouched =
        generated.all().filter(s -> !written.containsKey(s.path("id").asText()));
    return Stream.concat(untouched, written.values().stream().map(ObjectNode::deepCopy));
  }

  Optional<ObjectNode> find(String id) {
    ObjectNode supplier = written.get(id);
    if (supplier != null) {
      return Optional.of(supplier.deepCopy());
    }
    int index = generated.indexOf(id);
    return index < 0 ? Optional.empty() : Optional.of(generated.record(index));
  }

  boolean exists(String id) {
    return written.containsKey(id) || generated.indexOf(id) >= 0;
  }

  /** How many suppliers the API created. */
  long created() {
    return creates.get();
  }

  synchronized ObjectNode create(JsonNode body) throws Refused {
    List<ErrorDetail> errors = new ArrayList<>();
    for (String field : PlexGuesses.SUPPLIER_REQUIRED_ON_CREATE) {
      if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
        errors.add(
            new ErrorDetail(
                PlexGuesses.FIELD_REQUIRED_CODE,
                "'" + field + "' is required to create a supplier."));
      }
    }
    String id = body.path("id").asText(null);
    if (id != null && !isUuid(id)) {
      errors.add(new ErrorDetail("INVALID_VALUE", "'id' must be a UUID, not '" + id + "'."));
    } else if (id != null && exists(id)) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.DUPLICATE_ID_CODE, "A supplier with id '" + id + "' exists."));
    }
    checkReferences(body, null, errors);
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    String now = PlexTimestamps.format(clock.instant());
    ObjectNode supplier = body.deepCopy();
    supplier.retain(PlexPublishedFields.SUPPLIER_CREATE);
    supplier.put("id", id != null ? id : UUID.randomUUID().toString());
    supplier.put("createdDate", now);
    supplier.put("modifiedDate", now);
    written.put(supplier.get("id").asText(), supplier);
    idByCode.put(supplier.get("code").asText(), supplier.get("id").asText());
    creates.incrementAndGet();
    return supplier.deepCopy();
  }

  /** The updated supplier, or empty when none has this id. */
  synchronized Optional<ObjectNode> update(String id, JsonNode body) throws Refused {
    Optional<ObjectNode> current = find(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    List<ErrorDetail> errors = new ArrayList<>();
    if (body.has("code") && body.path("code").asText("").isBlank()) {
      errors.add(new ErrorDetail(PlexGuesses.FIELD_REQUIRED_CODE, "'code' must not be blank."));
    }
    checkReferences(body, id, errors);
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    ObjectNode supplier = current.get();
    String oldCode = supplier.path("code").asText();
    for (String field : PlexPublishedFields.SUPPLIER_UPDATE) {
      if (body.has(field)) {
        supplier.set(field, body.get(field));
      }
    }
    supplier.put("modifiedDate", PlexTimestamps.format(clock.instant()));
    written.put(id, supplier);
    idByCode.remove(oldCode, id);
    idByCode.put(supplier.path("code").asText(), id);
    return Optional.of(supplier.deepCopy());
  }

  private void checkReferences(JsonNode body, String id, List<ErrorDetail> errors) {
    String code = body.path("code").asText("");
    String holder = idByCode.get(code);
    if (!code.isBlank() && holder != null && !holder.equals(id)) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.DUPLICATE_CODE_CODE,
              "Supplier code '" + code + "' is used by another supplier."));
    }
    String parent = body.path("parentSupplierId").asText(null);
    if (parent != null && (!isUuid(parent) || !exists(parent))) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.INVALID_REFERENCE_CODE, "No supplier with id '" + parent + "' exists."));
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
