package io.millflow.engine.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.millflow.engine.history.CurrentSteps.CurrentStep;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.ledger.RunRecords;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One run of {@code GET /api/runs}: the run's own fields, as before, and what it did with records
 * ({@code records}: read / written / rejected, from its ledger; null before any step reported), and
 * the step a running run is at ({@code currentStep}, with its records so far; null when none runs).
 * In the contract: a {@code FlowRun} with these two more.
 */
@Schema(allOf = FlowRun.class)
public record RunRow(
    @JsonUnwrapped @Schema(hidden = true) FlowRun run,
    RunRecords records,
    CurrentStep currentStep) {}
