package io.millflow.connector.plex;

import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.write.RecordWriteResult;

/**
 * What every Plex write step is: a {@link PlexRecordWrite} (its entity, guesses, diff and write)
 * that hands its dataset to a {@link PlexRecordWriter}, which does the rest the same way for all.
 */
abstract class PlexWriteStep implements Step<PlexWriteInput, RecordWriteResult>, PlexRecordWrite {

  private final PlexRecordWriter writer;

  PlexWriteStep(PlexRecordWriter writer) {
    this.writer = writer;
  }

  @Override
  public final RecordWriteResult run(PlexWriteInput input, StepContext context) {
    return writer.run(this, input, context);
  }
}
