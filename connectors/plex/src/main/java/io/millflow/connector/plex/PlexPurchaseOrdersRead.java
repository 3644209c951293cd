package io.millflow.connector.plex;

import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the purchase orders modified in {@code [modifiedSince, modifiedUntil)}, with their line
 * items, into a {@code plex.purchaseOrder} dataset: one record per order, Plex's JSON as sent plus
 * a {@code lineItems} array.
 *
 * <p>Plex has no paging, so the step walks the period in windows of {@code windowDays} and halves
 * any window whose answer holds more than {@code maxPerWindow} orders (down to one second). Only
 * one window's orders are in memory at a time. With line items, the orders whose releases alone
 * changed in a window ({@code GET
 * /purchasing/v2-beta1/releases?modifiedDateBegin=&modifiedDateEnd=}) are read too. The returned
 * cursor is the greatest {@code modifiedDate} read, of an order or of a changed release, that lies
 * more than {@code boundaryMargin} before now ({@link BoundaryMargin}); the engine starts the next
 * run that margin before it, so orders Plex commits late at the boundary are read, and orders read
 * again are absorbed by an upserting sink.
 *
 * <p>Every order costs one call for its line items; at Plex's 200 calls per minute, 10,000 orders
 * take about 50 minutes. The worker keeps the job alive while the step reports progress.
 */
@Singleton
@StepType(
    id = "plex.purchase-orders.read",
    name = "Read Plex purchase orders",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads Plex purchase orders, with line items, modified in a period.")
public final class PlexPurchaseOrdersRead
    implements Step<PlexPurchaseOrdersRead.Input, ReadResult> {

  /**
   * The entity of the dataset this step writes; {@link PlexPurchaseOrderMapper} maps it to the
   * unified model.
   */
  public static final String ENTITY = "plex.purchaseOrder";

  /** Far enough back to mean "everything" for any Plex tenant. */
  public static final Instant DEFAULT_MODIFIED_SINCE = Instant.parse("2000-01-01T00:00:00Z");

  public static final int DEFAULT_WINDOW_DAYS = 30;
  public static final int DEFAULT_MAX_PER_WINDOW = 1_000;

  public record Input(
      @Param(label = "Connection", description = "A Plex connection") @NotBlank String connection,
      @Param(
              label = "Modified since",
              cursor = true,
              description = "Inclusive. Empty: where the last completed run stopped, or everything")
          Instant modifiedSince,
      @Param(label = "Modified until", description = "Exclusive. Empty: now", cursorUntil = true)
          Instant modifiedUntil,
      @Param(label = "Window (days)", defaultValue = "30") @Positive Integer windowDays,
      @Param(
              label = "Most orders per window",
              description = "A fuller window is halved and read again",
              defaultValue = "1000")
          @Positive
          Integer maxPerWindow,
      @Param(
              label = "Include line items",
              choices = {"true", "false"},
              defaultValue = "true")
          Boolean includeLineItems,
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
        Instant modifiedSince,
        Instant modifiedUntil,
        Integer windowDays,
        Integer maxPerWindow,
        Boolean includeLineItems) {
      this(
          connection,
          modifiedSince,
          modifiedUntil,
          windowDays,
          maxPerWindow,
          includeLineItems,
          null);
    }
  }

  /** The input with its defaults applied and checked. */
  record Plan(
      String connection,
      Instant since,
      Instant until,
      Duration window,
      int maxPerWindow,
      boolean includeLineItems,
      BoundaryMargin margin,
      Instant startedAt) {}

  private final PlexClientFactory clients;

  @Inject
  public PlexPurchaseOrdersRead(PlexClientFactory clients) {
    this.clients = clients;
  }

  /**
   * With the HTTP client and the JVM-wide rate limiters: what a test outside any container wants.
   */
  public PlexPurchaseOrdersRead() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    Plan plan = plan(input, context);
    PlexClient client =
        clients.forConnection(plan.connection(), PlexSteps.connection(context, plan.connection()));
    context
        .log()
        .info(
            "Reading Plex purchase orders modified in ["
                + plan.since()
                + ", "
                + plan.until()
                + ") from '"
                + plan.connection()
                + "', "
                + plan.window().toDays()
                + "-day windows"
                + (plan.includeLineItems() ? ", with line items and their releases" : ""));
    if (plan.includeLineItems()) {
      context
          .log()
          .warn(
              "Assumed where Plex's description is silent (PlexGuesses): a line's quantity is the"
                  + " sum of its releases except those with status "
                  + PlexGuesses.RELEASE_STATUSES_NOT_ORDERED
                  + ", received are those with status "
                  + PlexGuesses.RELEASE_STATUSES_RECEIVED
                  + "; a line without releases takes its blanketQuantity");
    }
    try (DatasetWriter out = context.datasets().create(ENTITY)) {
      PurchaseOrderWindowReader reader = new PurchaseOrderWindowReader(client, out, context, plan);
      reader.readAll();
      DatasetRef ref = out.finish();
      context.progress(ref.count(), ref.count());
      context
          .log()
          .info(
              "Read "
                  + ref.count()
                  + " purchase orders in "
                  + reader.calls()
                  + " Plex calls"
                  + (reader.duplicates() > 0
                      ? ", skipped " + reader.duplicates() + " already read"
                      : "")
                  + "; cursor "
                  + reader.cursor().cursor(input.modifiedSince())
                  + " (newest change before "
                  + reader.cursor().settleLine()
                  + ", the boundary margin before now)");
      return ReadResult.withCursor(ref, reader.cursor().cursor(input.modifiedSince()));
    }
  }

  static Plan plan(Input input, StepContext context) {
    Instant since =
        PlexTimestamps.truncate(PlexSteps.orDefault(input.modifiedSince(), DEFAULT_MODIFIED_SINCE));
    Instant until =
        PlexTimestamps.truncate(
            PlexSteps.orDefault(input.modifiedUntil(), context.clock().instant()));
    if (since.isAfter(until)) {
      throw new StepFailure(
          "INVALID_INPUT",
          "modifiedSince "
              + since
              + " is after modifiedUntil "
              + until
              + ": nothing can have been modified in between.");
    }
    int windowDays =
        positive("windowDays", PlexSteps.orDefault(input.windowDays(), DEFAULT_WINDOW_DAYS));
    int maxPerWindow =
        positive("maxPerWindow", PlexSteps.orDefault(input.maxPerWindow(), DEFAULT_MAX_PER_WINDOW));
    return new Plan(
        input.connection(),
        since,
        until,
        Duration.ofDays(windowDays),
        maxPerWindow,
        PlexSteps.orDefault(input.includeLineItems(), true),
        BoundaryMargin.of(input.boundaryMargin()),
        context.clock().instant());
  }

  private static int positive(String name, int value) {
    if (value <= 0) {
      throw new StepFailure("INVALID_INPUT", name + " must be above 0, not " + value + ".");
    }
    return value;
  }
}
