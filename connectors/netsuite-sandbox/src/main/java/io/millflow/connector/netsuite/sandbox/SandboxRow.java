package io.millflow.connector.netsuite.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * One generated row of a SuiteQL table: values by lower-case column ({@code String} for text, ids
 * and numbers as NetSuite sends them, {@link java.time.Instant} for datetimes, {@link
 * java.time.LocalDate} for dates) and the display text {@code BUILTIN.DF(column)} gives for
 * reference columns.
 */
record SandboxRow(Map<String, Object> values, Map<String, String> displays) {

  SandboxRow() {
    this(new HashMap<>(), new HashMap<>());
  }

  SandboxRow put(String column, Object value) {
    if (value != null) {
      values.put(column, value);
    }
    return this;
  }

  /** A reference column: its id and display text. */
  SandboxRow ref(String column, Object id, String display) {
    values.put(column, String.valueOf(id));
    displays.put(column, display);
    return this;
  }
}
