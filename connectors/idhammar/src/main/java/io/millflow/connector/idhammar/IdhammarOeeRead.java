package io.millflow.connector.idhammar;

import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;

/**
 * Reads OEE per machine and ended hour, shift or day in {@code [from, to)} into an {@code
 * idhammar.oee} dataset: the planned production and run time, counts, and availability ×
 * performance × quality as the API computed them. The cursor is the greatest {@code periodEnd}
 * read, the next run's {@code from}.
 */
@Singleton
@StepType(
    id = "idhammar.oee.read",
    name = "Read Idhammar OEE",
    group = "Sources",
    timeoutSeconds = 600,
    description =
        "Reads availability, performance, quality and OEE per machine and hour, shift or day.")
public final class IdhammarOeeRead implements Step<IdhammarOeeRead.Input, ReadResult> {

  public static final String ENTITY = "idhammar.oee";

  public record Input(
      @Param(label = "Connection", description = "An Idhammar connection") @NotBlank
          String connection,
      @Param(
              label = "From",
              cursor = true,
              description =
                  "Periods starting at or after. Empty: where the last run stopped, or 7 days back")
          Instant from,
      @Param(
              label = "To",
              description = "Periods ending at or before. Empty: now",
              cursorUntil = true)
          Instant to,
      @Param(
              label = "Granularity",
              choices = {"hour", "shift", "day"},
              defaultValue = "shift")
          String granularity,
      @Param(label = "Machine", description = "A machine id such as M-1101. Empty: every machine")
          String machineId,
      @Param(label = "Page size", defaultValue = "1000") @Positive Integer pageSize) {}

  private final IdhammarClientFactory clients;

  @Inject
  public IdhammarOeeRead(IdhammarClientFactory clients) {
    this.clients = clients;
  }

  public IdhammarOeeRead() {
    this(new HttpIdhammarClientFactory());
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    IdhammarConnection connection = IdhammarSteps.connection(input.connection(), context);
    IdhammarClient client = clients.forConnection(input.connection(), connection);
    return PeriodRead.run(
        input.connection(),
        connection,
        client,
        input.from(),
        input.to(),
        input.machineId(),
        input.granularity(),
        List.of("shift", "hour", "day"),
        IdhammarSteps.pageSize(input.pageSize(), 1_000),
        context,
        ENTITY,
        "OEE rows",
        client::oee);
  }
}
