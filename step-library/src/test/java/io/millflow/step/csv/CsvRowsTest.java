package io.millflow.step.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Rows go out as they are written, under the first record's fields; missing fields and nulls are
 * empty cells, nested values JSON text, decimals plain; a record that is no object, or has a field
 * the first lacks, is refused naming the target.
 */
class CsvRowsTest {

  private final StringWriter out = new StringWriter();
  private final CsvRows rows = new CsvRows(out, ';', true, "'parts.csv'");

  @Test
  void writesEachRowWhenFlushedUnderTheFirstRecordsFields() throws Exception {
    rows.write(json("{\"part\":\"P1\",\"qty\":1E+3,\"tags\":[\"a\"],\"note\":null}"), 1);
    rows.flush();
    assertThat(out.toString()).isEqualTo("part;qty;tags;note\n\"P1\";\"1000\";\"[\"\"a\"\"]\";\n");

    rows.write(json("{\"qty\":2,\"part\":\"P;2\"}"), 2);
    rows.flush();
    assertThat(out.toString()).endsWith("\n\"P;2\";\"2\";;\n");
  }

  @Test
  void refusesARecordThatIsNoObjectOrHasAFieldTheFirstLacks() throws Exception {
    rows.write(json("{\"part\":\"P1\"}"), 1);

    assertThatThrownBy(() -> rows.write(json("\"P2\""), 2))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_RECORD"))
        .hasMessageContaining("Record 2")
        .hasMessageContaining("'parts.csv'");
    assertThatThrownBy(() -> rows.write(json("{\"part\":\"P3\",\"color\":\"red\"}"), 3))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FIELD"))
        .hasMessageContaining("'color'");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }
}
