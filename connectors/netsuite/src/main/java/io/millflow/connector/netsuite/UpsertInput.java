package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What a NetSuite upsert step takes: unified records, where their external id comes from, whether
 * to only show what it would change, and how many refusals a run tolerates. Empty optional fields
 * take the defaults shown.
 */
public record UpsertInput(
    @Param(label = "Connection", description = "A NetSuite connection") @NotBlank String connection,
    @Param(label = "Records", description = "A dataset of unified records, e.g. =vendors")
        @NotNull
        @Valid
        DatasetRef records,
    @Param(
            label = "External id from",
            choices = {"key", "code"},
            defaultValue = "key",
            description = "The unified field NetSuite knows the record by (eid:...)")
        String externalIdFrom,
    @Param(label = "Subsidiary id", description = "Set on every record; empty: not sent")
        String subsidiaryId,
    @Param(
            label = "Dry run",
            defaultValue = "false",
            description = "Only read NetSuite and output what would change")
        Boolean dryRun,
    @Param(
            label = "Asynchronous requests",
            defaultValue = "true",
            description = "With idempotency keys, so a retried step never writes twice")
        Boolean asyncRequests,
    @Param(
            label = "Max refused share",
            defaultValue = "0.1",
            description = "Above this share of refused records the step ends in WRITE_REJECTED")
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxRejectedShare) {

  static final double DEFAULT_MAX_REJECTED_SHARE = 0.1;

  boolean dry() {
    return dryRun != null && dryRun;
  }

  boolean async() {
    return asyncRequests == null || asyncRequests;
  }

  boolean externalIdFromCode() {
    return "code".equals(externalIdFrom);
  }

  double rejectedShareLimit() {
    return maxRejectedShare == null ? DEFAULT_MAX_REJECTED_SHARE : maxRejectedShare;
  }
}
