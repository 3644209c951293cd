package io.millflow.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a step's annotation and its input and output types are found from its class. */
class StepDescriptorTest {

  record Input(String connection) {}

  record Output(long count) {}

  /** A base several steps of one kind share; it names both types. */
  abstract static class CountingStep implements Step<Input, Output> {
    @Override
    public final Output run(Input input, StepContext context) {
      return new Output(input.connection().length());
    }
  }

  @StepType(id = "test.count", name = "Count", group = "Tests")
  static final class Count extends CountingStep {}

  /** A base that leaves its input type to the subclass. */
  abstract static class OpenStep<I> implements Step<I, Output> {
    @Override
    public Output run(I input, StepContext context) {
      return new Output(0);
    }
  }

  @StepType(id = "test.open", name = "Open", group = "Tests")
  static final class Open extends OpenStep<Input> {}

  @Test
  void findsTheStepTypesThroughASuperclassThatNamesThem() {
    StepDescriptor descriptor = StepDescriptor.of(new Count());

    assertThat(descriptor.id()).isEqualTo("test.count");
    assertThat(descriptor.inputType()).isEqualTo(Input.class);
    assertThat(descriptor.outputType()).isEqualTo(Output.class);
  }

  @Test
  void refusesASuperclassThatLeavesAStepTypeOpen() {
    assertThatThrownBy(() -> StepDescriptor.of(new Open()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concrete classes");
  }
}
