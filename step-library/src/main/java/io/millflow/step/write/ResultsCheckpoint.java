package io.millflow.step.write;

import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records a write step has had acknowledged by a system that offers no idempotency key (Plex's
 * production recording): each acknowledged {@link WriteOutcome} is sealed at once in the dataset
 * store under a name derived from the task, so a retried attempt of the same task (after an outage,
 * or a restart of the runtime) finds it and does not send that record again. One small dataset per
 * record: a write costs three statements more, and a retried attempt reads one dataset per record
 * already done. What it cannot cover: a crash between the system's answer and the seal (the record
 * is then sent again). Thread-safe: records written side by side seal their outcomes one at a time.
 */
public final class ResultsCheckpoint {

  /** The dataset entity of one checkpointed outcome. */
  public static final String ENTITY = "write.checkpoint";

  private final DatasetStore datasets;
  private final String prefix;
  private final Map<String, WriteOutcome> done = new HashMap<>();
  private long next;

  private ResultsCheckpoint(DatasetStore datasets, String prefix) {
    this.datasets = datasets;
    this.prefix = prefix;
  }

  /** The checkpoint of this task's writes of {@code label}, with what earlier attempts sealed. */
  public static ResultsCheckpoint open(StepContext context, String label) {
    ResultsCheckpoint checkpoint =
        new ResultsCheckpoint(context.datasets(), context.taskKey() + ":" + label + ":");
    checkpoint.load();
    return checkpoint;
  }

  /** What an earlier attempt (or an earlier record of this one) did with the record of this key. */
  public synchronized Optional<WriteOutcome> done(String key) {
    return Optional.ofNullable(done.get(key));
  }

  /** How many records earlier attempts had acknowledged. */
  public synchronized long size() {
    return done.size();
  }

  /** Seals the outcome of a record the system acknowledged, before the next record is sent. */
  public synchronized void acknowledged(WriteOutcome outcome) {
    try (DatasetWriter writer = datasets.create(ENTITY, prefix + next)) {
      writer.add(outcome);
      writer.finish();
    }
    next++;
    done.put(outcome.key(), outcome);
  }

  private void load() {
    for (Optional<DatasetRef> ref = datasets.named(prefix + next);
        ref.isPresent();
        ref = datasets.named(prefix + next)) {
      try (Stream<WriteOutcome> outcomes = datasets.read(ref.get(), WriteOutcome.class)) {
        outcomes.forEach(outcome -> done.put(outcome.key(), outcome));
      }
      next++;
    }
  }
}
