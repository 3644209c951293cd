package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How one unified entity becomes the body of a NetSuite record write: the record type, the record's
 * key and code (the external id comes from one of them), the fields written, and the unified fields
 * that have a value but are not written, with why (named in the step log).
 */
interface UpsertMapping<T> {

  String recordType();

  Class<T> unifiedType();

  String key(T record);

  String code(T record);

  /**
   * What the write addresses {@code record} by in NetSuite: its external id, from the key or the
   * code as the input says; null when there is none.
   */
  default String reference(T record, UpsertInput input) {
    return input.externalIdFromCode() ? code(record) : key(record);
  }

  /** How the step log names {@link #reference}, e.g. "external id (key)". */
  default String referenceName(UpsertInput input) {
    return "external id (" + (input.externalIdFromCode() ? "code" : "key") + ")";
  }

  /** NetSuite's fields for {@code record}, references as {@code {"id": ...}}. */
  ObjectNode body(T record, UpsertInput input);

  /** Unified fields of {@code record} with a value that the write leaves out. */
  List<String> unwritten(T record);

  /** Why {@link #unwritten} fields are left out, for the step log. */
  String unwrittenReason();

  /** How each record is sent; {@link WriteMode#UPSERT} unless the step only creates or updates. */
  default WriteMode mode() {
    return WriteMode.UPSERT;
  }

  /**
   * The sublist an update replaces whole ({@code ?replace=...}), so the record's lines are the
   * unified record's; null: none. A dry run reads the record with its sublists to compare lines.
   */
  default String replacedSublist() {
    return null;
  }
}
