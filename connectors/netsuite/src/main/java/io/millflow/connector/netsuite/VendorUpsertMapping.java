package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.Vendor;
import io.millflow.step.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified {@link Vendor} as a NetSuite vendor, the reverse of {@link NetSuiteVendorMapper}: code
 * → entityId, name → companyName, active → isInactive, email, phone, website → url, and the input's
 * subsidiary. Currency, payment terms and category are names in the unified model and references by
 * id in NetSuite; the address is a subrecord, which REST writes do not update; the parent needs an
 * internal id: these are left out and named in the step log.
 */
final class VendorUpsertMapping implements UpsertMapping<Vendor> {

  @Override
  public String recordType() {
    return "vendor";
  }

  @Override
  public Class<Vendor> unifiedType() {
    return Vendor.class;
  }

  @Override
  public String key(Vendor vendor) {
    return vendor.key();
  }

  @Override
  public String code(Vendor vendor) {
    return vendor.code();
  }

  @Override
  public ObjectNode body(Vendor vendor, UpsertInput input) {
    ObjectNode body = Json.mapper().createObjectNode();
    putText(body, "entityId", vendor.code());
    putText(body, "companyName", vendor.name());
    if (vendor.active() != null) {
      body.put("isInactive", !vendor.active());
    }
    putText(body, "email", vendor.email());
    putText(body, "phone", vendor.phone());
    putText(body, "url", vendor.website());
    if (input.subsidiaryId() != null && !input.subsidiaryId().isBlank()) {
      body.putObject("subsidiary").put("id", input.subsidiaryId().strip());
    }
    return body;
  }

  @Override
  public List<String> unwritten(Vendor vendor) {
    List<String> fields = new ArrayList<>();
    addIf(fields, "currency", vendor.currency());
    addIf(fields, "paymentTerms", vendor.paymentTerms());
    addIf(fields, "category", vendor.category());
    addIf(fields, "address", vendor.address());
    addIf(fields, "parentKey", vendor.parentKey());
    return fields;
  }

  @Override
  public String unwrittenReason() {
    return "NetSuite references currency, terms, category and parent by internal id (writing one by"
        + " name is not documented) and REST writes do not update subrecords such as the address;"
        + " map ids in a transform to write them";
  }

  static void putText(ObjectNode body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value);
    }
  }

  static void addIf(List<String> fields, String field, Object value) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      fields.add(field);
    }
  }
}
