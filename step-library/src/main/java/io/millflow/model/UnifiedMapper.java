package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps one source entity to the unified model, for example {@code plex.purchaseOrder} to {@link
 * PurchaseOrder}. A connector adds mappers by being on the classpath (a CDI bean, or a {@code
 * ServiceLoader} entry).
 */
public interface UnifiedMapper {

  /**
   * The entity of the source dataset this mapper reads, as the source step names it: {@code
   * plex.purchaseOrder}.
   */
  String sourceEntity();

  /** The unified entity it produces: {@code purchaseOrder}. */
  String targetEntity();

  /**
   * Maps one source record.
   *
   * @throws io.millflow.step.StepFailure with code {@code UNMAPPABLE_RECORD} naming the record and
   *     field it cannot map
   */
  Object map(JsonNode source, MappingOptions options);

  /**
   * Which source field feeds each unified field this mapper fills: {@code orderNumber -> poNumber},
   * lines' fields as {@code lines.quantity -> quantity}. A unified field left empty by every record
   * of a run is then reported with the source field it was read from. Declared once per mapper,
   * next to the mapping.
   */
  default java.util.Map<String, String> sourceFields() {
    return java.util.Map.of();
  }

  /**
   * The top-level fields of a source record as its system publishes them, plus those the read step
   * adds (Plex's {@code lineItems}). A field of a run's records outside this set and the
   * connection's custom fields is reported as a new field seen (schema drift). Empty: the shape is
   * not known, and records are not checked.
   */
  default java.util.Set<String> publishedFields() {
    return java.util.Set.of();
  }

  /**
   * Per-run choices: which connection the records came from, whether to keep the raw record, which
   * extra fields.
   */
  record MappingOptions(
      String connection, boolean includeRaw, java.util.List<String> customFields) {}
}
