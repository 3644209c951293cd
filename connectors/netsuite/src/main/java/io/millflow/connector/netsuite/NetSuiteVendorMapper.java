package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.Vendor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * Maps a {@code netsuite.vendor} record to the unified {@link Vendor}: id → key, entityId → code,
 * companyName (else entityId) → name, isInactive → active and status (Active/Inactive),
 * category.refName → category, currency.refName → currency, terms.refName → paymentTerms, email,
 * phone, url → website, defaultAddress → address (text), parent.id → parentKey, dateCreated →
 * createdAt, lastModifiedDate → updatedAt. The vendor fields are a guess (SYSTEMS.md).
 */
@Singleton
public final class NetSuiteVendorMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return NetSuiteVendorsRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return Vendor.ENTITY;
  }

  /**
   * The NetSuite field each unified field is read from (the list above), for the run's data-quality
   * checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "entityId"),
          Map.entry("name", "companyName / entityId"),
          Map.entry("status", "isInactive"),
          Map.entry("active", "isInactive"),
          Map.entry("category", "category.refName"),
          Map.entry("currency", "currency.refName"),
          Map.entry("paymentTerms", "terms.refName"),
          Map.entry("email", "email"),
          Map.entry("phone", "phone"),
          Map.entry("website", "url"),
          Map.entry("address", "defaultAddress"),
          Map.entry("parentKey", "parent.id"),
          Map.entry("createdAt", "dateCreated"),
          Map.entry("updatedAt", "lastModifiedDate"));

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public Vendor map(JsonNode source, MappingOptions options) {
    NetSuiteRecord vendor = NetSuiteRecord.of(source, "vendor");
    String id = vendor.requiredText("id");
    Instant updatedAt = vendor.requiredInstant("lastModifiedDate");
    Boolean inactive = vendor.bool("isInactive");
    String name = vendor.text("companyName");
    return new Vendor(
        id,
        vendor.text("entityId"),
        name != null ? name : vendor.text("entityId"),
        inactive == null ? null : inactive ? "Inactive" : "Active",
        inactive == null ? null : !inactive,
        vendor.refName("category"),
        vendor.refName("currency"),
        vendor.refName("terms"),
        vendor.text("email"),
        vendor.text("phone"),
        vendor.text("url"),
        vendor.address("defaultAddress", "defaultAddress"),
        vendor.refId("parent"),
        vendor.instant("dateCreated"),
        updatedAt,
        new SourceRef("netsuite", options.connection(), id, updatedAt),
        vendor.customFields(options.customFields()),
        options.includeRaw() ? source : null);
  }
}
