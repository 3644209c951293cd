package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.Vendor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.supplier} to the unified {@link Vendor}: id → key, code → code, name → name,
 * status → status (and {@code active} when it is {@code Active}), category → category, webAddress →
 * website, parentSupplierId → parentKey, createdDate → createdAt, modifiedDate → updatedAt. Plex's
 * supplier list has no currency, terms, e-mail, phone or address: those stay null (ask for oldCode,
 * language, type, contactNote or note as custom fields).
 */
@Singleton
public final class PlexSupplierMapper extends PlexResourceMapper {

  public PlexSupplierMapper() {
    super(PlexResource.SUPPLIERS, Vendor.ENTITY);
  }

  /**
   * The Plex field each unified field is read from (the list above, all in Plex's published field
   * list of the resource), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "code"),
          Map.entry("name", "name"),
          Map.entry("status", "status"),
          Map.entry("active", "status"),
          Map.entry("category", "category"),
          Map.entry("website", "webAddress"),
          Map.entry("parentKey", "parentSupplierId"),
          Map.entry("createdAt", "createdDate"),
          Map.entry("updatedAt", "modifiedDate"));

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.SUPPLIER;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public Vendor map(JsonNode source, MappingOptions options) {
    PlexRecord supplier = record(source, "supplier");
    String status = supplier.text("status");
    Instant updatedAt = supplier.instant("modifiedDate");
    return new Vendor(
        supplier.text("id"),
        supplier.text("code"),
        supplier.text("name"),
        status,
        status == null ? null : status.equalsIgnoreCase("Active"),
        supplier.text("category"),
        null,
        null,
        null,
        null,
        supplier.text("webAddress"),
        null,
        supplier.text("parentSupplierId"),
        supplier.instant("createdDate"),
        updatedAt,
        PlexRecord.source(options, supplier.text("id"), updatedAt),
        supplier.customFields(options.customFields()),
        supplier.raw(options));
  }
}
