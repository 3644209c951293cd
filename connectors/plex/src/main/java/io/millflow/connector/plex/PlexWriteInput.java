package io.millflow.connector.plex;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What a Plex write step takes: records in Plex's field names (map them with {@code records.map}
 * first), the field that keys each record, whether to only show what it would change, and how many
 * refusals a run tolerates. The key rule: a record's {@code id} when it has one (a Plex id), else
 * an id derived from its key ({@link PlexWriteKeys}), so the same key always writes the same Plex
 * record and a re-run updates rather than duplicates.
 */
public record PlexWriteInput(
    @Param(label = "Connection", description = "A Plex connection") @NotBlank String connection,
    @Param(label = "Records", description = "A dataset of records in Plex's field names")
        @NotNull
        @Valid
        DatasetRef records,
    @Param(
            label = "Key field",
            defaultValue = "key",
            description = "The record field that keys it: the same key writes the same Plex record")
        String keyField,
    @Param(
            label = "Dry run",
            defaultValue = "false",
            description = "Only read Plex and output what would change")
        Boolean dryRun,
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

  String key() {
    return keyField == null || keyField.isBlank() ? "key" : keyField;
  }

  double rejectedShareLimit() {
    return maxRejectedShare == null ? DEFAULT_MAX_REJECTED_SHARE : maxRejectedShare;
  }
}
