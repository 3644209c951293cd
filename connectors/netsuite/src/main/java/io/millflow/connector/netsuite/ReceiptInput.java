package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the item-receipt step takes: unified purchase orders whose lines carry the quantity received
 * so far ({@code receivedQuantity}), how NetSuite knows each order (its external id from the key or
 * the code, or its internal id from the source id), whether to only show what it would receive, and
 * how many refusals a run tolerates.
 */
public record ReceiptInput(
    @Param(label = "Connection", description = "A NetSuite connection") @NotBlank String connection,
    @Param(
            label = "Orders",
            description =
                "A dataset of unified purchase orders with received quantities, e.g. =orders")
        @NotNull
        @Valid
        DatasetRef records,
    @Param(
            label = "External id from",
            choices = {"key", "code"},
            defaultValue = "key",
            description = "The unified field NetSuite knows the order by (eid:...)")
        String externalIdFrom,
    @Param(
            label = "Find order by",
            choices = {"externalId", "internalId"},
            defaultValue = "externalId",
            description =
                "externalId: eid:{External id from}; internalId: NetSuite's internal id in the"
                    + " order's source id (orders read from NetSuite)")
        String findOrderBy,
    @Param(
            label = "Dry run",
            defaultValue = "false",
            description = "Only read NetSuite and output what would be received")
        Boolean dryRun,
    @Param(
            label = "Asynchronous requests",
            defaultValue = "true",
            description = "With idempotency keys, so a retried step never receives twice")
        Boolean asyncRequests,
    @Param(
            label = "Max refused share",
            defaultValue = "0.1",
            description = "Above this share of refused orders the step ends in WRITE_REJECTED")
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxRejectedShare) {

  /** The same choices as an upsert's, for the shared per-record machinery. */
  UpsertInput asUpsertInput() {
    return new UpsertInput(
        connection, records, externalIdFrom, null, dryRun, asyncRequests, maxRejectedShare);
  }
}
