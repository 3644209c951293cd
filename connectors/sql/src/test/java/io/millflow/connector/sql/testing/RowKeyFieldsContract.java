package io.millflow.connector.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How every SQL sink checks the key fields of a generic dataset (query rows, source records) before
 * it writes: run against its real database by the sink's generic-rows test, which adds what its
 * database stores.
 */
public abstract class RowKeyFieldsContract<F extends SqlWriteFixture> extends SqlWriteTest<F> {

  @Test
  void upsertWithoutKeyFieldsIsRejectedNamingTheInput() {
    assertThatThrownBy(() -> fixture().write("stock", null, null, "row", List.of(row("id", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY_FIELDS"))
        .hasMessageContaining("'keyFields'");
  }

  @Test
  void aKeyFieldTheRecordsLackIsRejectedBeforeAnyTableIsMade() {
    assertThatThrownBy(() -> fixture().write("stock", null, "sku", "row", List.of(row("id", 1))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("UNKNOWN_KEY_FIELD"))
        .hasMessageContaining("'sku'");
    assertThat(fixture().columns("stock")).isEmpty();
  }

  /** A record with fields in the given order; values may be null. */
  protected static Map<String, Object> row(Object... fieldsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      row.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return row;
  }
}
