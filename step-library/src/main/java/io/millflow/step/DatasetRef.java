package io.millflow.step;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The claim check that steps pass through Zeebe instead of records: the id of a dataset in the
 * dataset store, how many records it holds, and the entity they are ({@code purchaseOrder}, {@code
 * plex.purchaseOrder}, {@code row}, ...).
 */
public record DatasetRef(
    @NotBlank String dataset, @PositiveOrZero long count, @NotBlank String entity) {}
