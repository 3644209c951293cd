package io.millflow.connector.netsuite;

import io.millflow.step.Param;
import io.millflow.step.StepContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * The input of every NetSuite SuiteQL read step: which connection, which period, how many rows a
 * call.
 */
public record SuiteQlReadInput(
    @Param(label = "Connection", description = "A NetSuite connection") @NotBlank String connection,
    @Param(
            label = "Modified since",
            cursor = true,
            description = "Inclusive. Empty: where the last completed run stopped, or everything")
        Instant modifiedSince,
    @Param(label = "Modified until", description = "Exclusive. Empty: now", cursorUntil = true)
        Instant modifiedUntil,
    @Param(label = "Page size", defaultValue = "1000") @Positive @Max(1000) Integer pageSize) {

  ReadPlan plan(StepContext context) {
    return ReadPlan.of(connection, modifiedSince, modifiedUntil, pageSize, context);
  }
}
