package io.millflow.step.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.testing.TestStepContext;
import org.junit.jupiter.api.Test;

class ResultsCheckpointTest {

  @Test
  void aRetriedAttemptOfTheSameTaskFindsWhatTheEarlierOneSealed() {
    TestStepContext context = new TestStepContext().withTaskKey("run-1:task-4");
    ResultsCheckpoint first = ResultsCheckpoint.open(context, "plex.production");
    first.acknowledged(new WriteOutcome("a", WriteOutcome.CREATED, "P1", null, null));
    first.acknowledged(new WriteOutcome("b", WriteOutcome.CREATED, "P2", null, null));

    ResultsCheckpoint retried = ResultsCheckpoint.open(context, "plex.production");

    assertThat(retried.size()).isEqualTo(2);
    assertThat(retried.done("b").orElseThrow().targetId()).isEqualTo("P2");
    assertThat(retried.done("c")).isEmpty();
    retried.acknowledged(new WriteOutcome("c", WriteOutcome.CREATED, "P3", null, null));
    assertThat(ResultsCheckpoint.open(context, "plex.production").size()).isEqualTo(3);
  }

  @Test
  void anotherTaskOrAnotherLabelStartsEmpty() {
    TestStepContext context = new TestStepContext().withTaskKey("run-1:task-4");
    ResultsCheckpoint.open(context, "plex.production")
        .acknowledged(new WriteOutcome("a", WriteOutcome.CREATED, "P1", null, null));

    assertThat(ResultsCheckpoint.open(context, "plex.receipt").size()).isZero();
    context.withTaskKey("run-1:task-5");
    assertThat(ResultsCheckpoint.open(context, "plex.production").size()).isZero();
  }
}
