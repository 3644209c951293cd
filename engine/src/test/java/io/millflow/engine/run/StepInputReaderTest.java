package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepInputReaderTest {

  enum Mode {
    INSERT,
    UPSERT
  }

  @StepType(id = "test.write", name = "Test write", group = "Tests")
  static final class TestWrite implements Step<TestWrite.Input, String> {
    record Input(
        @Param(label = "Connection") @NotBlank String connection,
        @Param(label = "Mode") Mode mode,
        @Param(label = "Batch") @Positive Integer batchSize,
        @Param(label = "Records") @NotNull @Valid DatasetRef records) {}

    @Override
    public String run(Input input, StepContext context) {
      return "ok";
    }
  }

  private final StepDescriptor step = StepDescriptor.of(new TestWrite());
  private final StepInputReader reader = new StepInputReader();
  private final Map<String, Object> records =
      Map.of("dataset", "d1", "count", 3, "entity", "purchaseOrder");

  @Test
  void readsTypedInputFromVariablesIgnoringOtherVariables() {
    Object input =
        reader.read(
            Map.of(
                "connection",
                "warehouse",
                "mode",
                "upsert",
                "batchSize",
                "500",
                "records",
                records,
                "unrelated",
                1),
            step,
            "Write");

    assertThat(input)
        .isEqualTo(
            new TestWrite.Input(
                "warehouse", Mode.UPSERT, 500, new DatasetRef("d1", 3, "purchaseOrder")));
  }

  @Test
  void namesTheBlankFieldAndTheElement() {
    assertThatThrownBy(
            () -> reader.read(Map.of("connection", " ", "records", records), step, "Write"))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessageContaining("step 'test.write' at element 'Write'")
        .hasMessageContaining("field 'connection' must not be blank");
  }

  @Test
  void aMistakeInTheFlowSaysThatARetryOnTheSameVersionCannotPickUpTheFix() {
    assertThatThrownBy(
            () -> reader.read(Map.of("connection", " ", "records", records), step, "Write"))
        .hasMessageContaining("in the flow and deploy it")
        .hasMessageContaining("retry the run on the latest version (or start a new run)")
        .hasMessageNotContaining("then retry the failed steps");
  }

  @Test
  void namesANestedFieldThatFailsValidation() {
    assertThatThrownBy(
            () ->
                reader.read(
                    Map.of(
                        "connection",
                        "w",
                        "records",
                        Map.of("dataset", "d1", "count", -1, "entity", "x")),
                    step,
                    "Write"))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessageContaining("field 'records.count'");
  }

  @Test
  void namesTheFieldOfTheWrongType() {
    assertThatThrownBy(
            () ->
                reader.read(
                    Map.of("connection", "w", "batchSize", "many", "records", records),
                    step,
                    "Write"))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessageContaining("field 'batchSize' has a value of the wrong type");
  }

  @Test
  void fetchesOnlyTheInputsVariables() {
    assertThat(StepInputReader.variableNames(step))
        .containsExactly("connection", "mode", "batchSize", "records");
  }
}
