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
 * Reads good, reject (with reasons) and rework counts per machine and ended hour or shift in {@code
 * [from, to)} into an {@code idhammar.production} dataset. The cursor is the greatest {@code
 * periodEnd} read, the next run's {@code from}.
 */
@Singleton
@StepType(
    id = "idhammar.production.read",
    name = "Read Idhammar production counts",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads good, reject and rework counts per machine and hour or shift.")
public final class IdhammarProductionRead
    implements Step<IdhammarProductionRead.Input, ReadResult> {

  public static final String ENTITY = "idhammar.production";

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
              choices = {"hour", "shift"},
              defaultValue = "hour")
          String granularity,
      @Param(label = "Machine", description = "A machine id such as M-1101. Empty: every machine")
          String machineId,
      @Param(label = "Page size", defaultValue = "1000") @Positive Integer pageSize) {}

  private final IdhammarClientFactory clients;

  @Inject
  public IdhammarProductionRead(IdhammarClientFactory clients) {
    this.clients = clients;
  }

  public IdhammarProductionRead() {
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
        List.of("hour", "shift"),
        IdhammarSteps.pageSize(input.pageSize(), 1_000),
        context,
        ENTITY,
        "production counts",
        client::productionCounts);
  }
}
