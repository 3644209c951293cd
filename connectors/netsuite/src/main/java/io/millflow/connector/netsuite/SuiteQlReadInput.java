package io.millflow.connector.netsuite;

import io.millflow.step.BoundaryMargin;
import io.millflow.step.Param;
import io.millflow.step.StepContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
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
    @Param(label = "Page size", defaultValue = "1000") @Positive @Max(1000) Integer pageSize,
    @Param(
            label = "Boundary margin",
            description =
                "Reads this much before the committed cursor; the cursor stays this much behind now",
            defaultValue = BoundaryMargin.DEFAULT_TEXT,
            cursorMargin = true)
        Duration boundaryMargin) {

  /** With the default boundary margin. */
  public SuiteQlReadInput(
      String connection, Instant modifiedSince, Instant modifiedUntil, Integer pageSize) {
    this(connection, modifiedSince, modifiedUntil, pageSize, null);
  }

  ReadPlan plan(StepContext context) {
    return ReadPlan.of(
        connection,
        modifiedSince,
        modifiedUntil,
        pageSize,
        BoundaryMargin.of(boundaryMargin),
        context);
  }
}
