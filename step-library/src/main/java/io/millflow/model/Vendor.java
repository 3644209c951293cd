package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A supplier of purchased goods (Plex supplier, NetSuite vendor). {@code key} is its id in the
 * source system.
 */
public record Vendor(
    String key,
    String code,
    String name,
    String status,
    Boolean active,
    String category,
    String currency,
    String paymentTerms,
    String email,
    String phone,
    String website,
    Address address,
    String parentKey,
    Instant createdAt,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "vendor";

  public Vendor {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
