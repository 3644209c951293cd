package io.millflow.connector.netsuite;

import io.millflow.model.Vendor;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Upserts unified vendors into NetSuite by external id ({@code PUT record/v1/vendor/eid:{id}}), so
 * a re-run updates rather than duplicates; with {@code dryRun} it only reads and outputs what would
 * change. Fields as {@link VendorUpsertMapping} writes them; the rest as {@link ExternalIdUpsert}
 * does it. Example input: {@code {"connection": "netsuite", "records": "=vendors", "dryRun":
 * true}}.
 */
@Singleton
@StepType(
    id = "netsuite.vendor.upsert",
    name = "Upsert NetSuite vendors",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates or updates NetSuite vendors by external id; a dry run shows what would change.")
public final class NetSuiteVendorUpsert extends NetSuiteWriteStep<Vendor> {

  @Inject
  public NetSuiteVendorUpsert(NetSuiteClientFactory clients) {
    super(new VendorUpsertMapping(), clients);
  }

  public NetSuiteVendorUpsert() {
    this(new HttpNetSuiteClientFactory());
  }
}
