package io.millflow.connector.idhammar;

import io.millflow.connector.idhammar.IdhammarClient.DowntimeQuery;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the downtime events created or changed in {@code [updatedSince, updatedUntil)} into an
 * {@code idhammar.downtimeEvent} dataset, one record per event as the API sends it.
 *
 * <p>The API pages by {@code (updatedAt, id)} with a keyset cursor, so a page never skips a row
 * however the data changes meanwhile. The step fixes {@code updatedUntil} (default: now) before the
 * first page: an event that closes during the read moves past it and is left, in its newer version,
 * to the next run. The returned cursor is the greatest {@code updatedAt} read that lies {@code
 * boundaryMargin} before now ({@link BoundaryMargin}); the engine starts the next run that margin
 * before it, so events committed late at the boundary are read, and events read again are absorbed
 * by an upserting sink.
 */
@Singleton
@StepType(
    id = "idhammar.downtime-events.read",
    name = "Read Idhammar downtime events",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads Idhammar OEE downtime events changed in a period, incrementally.")
public final class IdhammarDowntimeEventsRead
    implements Step<IdhammarDowntimeEventsRead.Input, ReadResult> {

  public static final String ENTITY = "idhammar.downtimeEvent";
  public static final int DEFAULT_PAGE_SIZE = 1_000;

  public record Input(
      @Param(label = "Connection", description = "An Idhammar connection") @NotBlank
          String connection,
      @Param(
              label = "Updated since",
              cursor = true,
              description = "Inclusive. Empty: where the last completed run stopped, or everything")
          Instant updatedSince,
      @Param(label = "Updated until", description = "Exclusive. Empty: now", cursorUntil = true)
          Instant updatedUntil,
      @Param(label = "Machine", description = "A machine id such as M-1101. Empty: every machine")
          String machineId,
      @Param(label = "Page size", defaultValue = "1000") @Positive Integer pageSize,
      @Param(
              label = "Boundary margin",
              description =
                  "Reads this much before the committed cursor; the cursor stays this much behind now",
              defaultValue = BoundaryMargin.DEFAULT_TEXT,
              cursorMargin = true)
          Duration boundaryMargin) {

    /** With the default boundary margin. */
    public Input(
        String connection,
        Instant updatedSince,
        Instant updatedUntil,
        String machineId,
        Integer pageSize) {
      this(connection, updatedSince, updatedUntil, machineId, pageSize, null);
    }
  }

  private final IdhammarClientFactory clients;

  @Inject
  public IdhammarDowntimeEventsRead(IdhammarClientFactory clients) {
    this.clients = clients;
  }

  public IdhammarDowntimeEventsRead() {
    this(new HttpIdhammarClientFactory());
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    IdhammarConnection connection = IdhammarSteps.connection(input.connection(), context);
    Instant until = IdhammarSteps.orDefault(input.updatedUntil(), context.clock().instant());
    IdhammarSteps.checkPeriod("updatedSince", input.updatedSince(), "updatedUntil", until);
    String machineId =
        input.machineId() == null || input.machineId().isBlank() ? null : input.machineId().strip();
    IdhammarClient client = clients.forConnection(input.connection(), connection);
    String siteId = connection.siteId();
    DowntimeQuery query =
        new DowntimeQuery(
            input.updatedSince(),
            until,
            machineId,
            siteId,
            IdhammarSteps.pageSize(input.pageSize(), DEFAULT_PAGE_SIZE));
    context
        .log()
        .info(
            "Reading Idhammar downtime events updated in ["
                + (input.updatedSince() == null ? "the start" : input.updatedSince())
                + ", "
                + until
                + ") from '"
                + input.connection()
                + "'"
                + (machineId == null ? "" : " of machine " + machineId));
    return PagedRead.read(
        cursor -> client.downtimeEvents(query, cursor),
        ENTITY,
        "updatedAt",
        BoundaryMargin.of(input.boundaryMargin()).cursorAt(context.clock().instant()),
        input.updatedSince(),
        "downtime events",
        context);
  }
}
