package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reads the vendors modified in {@code [modifiedSince, modifiedUntil)} into a {@code
 * netsuite.vendor} dataset, one record per vendor in the shape of {@code GET
 * record/v1/vendor/{id}}, in bulk through SuiteQL with the same windowing as {@link
 * NetSuitePurchaseOrdersRead}.
 */
@Singleton
@StepType(
    id = "netsuite.vendors.read",
    name = "Read NetSuite vendors",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads NetSuite vendors modified in a period.")
public final class NetSuiteVendorsRead implements Step<SuiteQlReadInput, ReadResult> {

  /** The entity of the dataset this step writes; {@link NetSuiteVendorMapper} maps it. */
  public static final String ENTITY = "netsuite.vendor";

  private final NetSuiteClientFactory clients;

  @Inject
  public NetSuiteVendorsRead(NetSuiteClientFactory clients) {
    this.clients = clients;
  }

  public NetSuiteVendorsRead() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public ReadResult run(SuiteQlReadInput input, StepContext context) {
    return SuiteQlRead.run(
        clients,
        context,
        input.plan(context),
        SuiteQlEntity.VENDOR,
        ENTITY,
        SuiteQlRead.oneToOne(SuiteQlEntity.VENDOR));
  }
}
