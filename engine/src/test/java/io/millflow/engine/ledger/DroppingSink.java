package io.millflow.engine.ledger;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink with a bug a test switches on and off: it says it inserted every record it took but the
 * last {@link #dropping} ones, and says nothing of those. Looked up only where a test profile sets
 * {@value #SWITCH}, so the step catalog and the element templates of every other test do not see
 * it.
 */
@Singleton
@LookupIfProperty(name = DroppingSink.SWITCH, stringValue = "true")
@StepType(id = "test.dropping-sink", name = "Dropping sink", group = "Tests")
public final class DroppingSink implements Step<DroppingSink.Input, WriteResult> {

  public static final String SWITCH = "millflow-test.dropping-sink";

  /** How many records the next attempts lose without a word. */
  public static final AtomicLong dropping = new AtomicLong();

  public record Input(@Param(label = "Records") @NotNull @Valid DatasetRef records) {}

  @Override
  public WriteResult run(Input input, StepContext context) {
    long kept = Math.max(0, input.records().count() - dropping.get());
    return new WriteResult("nowhere", kept, 0, 0, 0);
  }
}
