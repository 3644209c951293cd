package io.millflow.connector.netsuite;

import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.write.RecordWriteResult;

/**
 * What every NetSuite write step by external id is: an {@link UpsertMapping} of one record type,
 * written the same way for all by {@link ExternalIdUpsert}.
 */
abstract class NetSuiteWriteStep<T> implements Step<UpsertInput, RecordWriteResult> {

  private final ExternalIdUpsert<T> upsert;

  NetSuiteWriteStep(UpsertMapping<T> mapping, NetSuiteClientFactory clients) {
    this.upsert = new ExternalIdUpsert<>(mapping, clients);
  }

  @Override
  public final RecordWriteResult run(UpsertInput input, StepContext context) {
    return upsert.run(input, context);
  }
}
