package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexResource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one Plex master-data resource (suppliers, parts, inventory containers, jobs or equipment)
 * into a dataset of Plex's records as sent: {@code plex.supplier}, {@code plex.part}, {@code
 * plex.container}, {@code plex.job}, {@code plex.equipment}.
 *
 * <p>Plex offers modified-date filters on purchase orders only. So this step always reads the whole
 * resource (narrowed by the given Plex filters), and where records carry a change date (suppliers
 * and parts {@code modifiedDate}, containers {@code updateDateTime}) it keeps those changed at or
 * after {@code modifiedSince} and returns the greatest date older than {@code boundaryMargin}
 * before now as the cursor ({@link BoundaryMargin}; {@code modifiedSince} again when nothing
 * changed). Jobs and equipment carry none: every run reads them all and returns no cursor.
 */
@Singleton
@StepType(
    id = "plex.records.read",
    name = "Read Plex records",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads Plex suppliers, parts, inventory containers, jobs or equipment.")
public final class PlexRecordsRead implements Step<PlexRecordsRead.Input, ReadResult> {

  private static final int PROGRESS_EVERY = 1_000;

  public record Input(
      @Param(label = "Connection", description = "A Plex connection") @NotBlank String connection,
      @Param(
              label = "Resource",
              choices = {"suppliers", "parts", "containers", "jobs", "equipment"},
              defaultValue = "suppliers")
          @NotBlank
          String resource,
      @Param(
              label = "Modified since",
              cursor = true,
              description =
                  "Inclusive; suppliers, parts and containers. Empty: where the last run stopped, or everything")
          Instant modifiedSince,
      @Param(label = "Filters", description = "Plex filters by name, e.g. ={status: \"Active\"}")
          Map<String, Object> filters,
      @Param(
              label = "Boundary margin",
              description =
                  "Reads this much before the committed cursor; the cursor stays this much behind now",
              defaultValue = BoundaryMargin.DEFAULT_TEXT,
              cursorMargin = true)
          Duration boundaryMargin) {

    /** With the default boundary margin. */
    public Input(
        String connection, String resource, Instant modifiedSince, Map<String, Object> filters) {
      this(connection, resource, modifiedSince, filters, null);
    }
  }

  private final PlexClientFactory clients;

  @Inject
  public PlexRecordsRead(PlexClientFactory clients) {
    this.clients = clients;
  }

  /**
   * With the HTTP client and the JVM-wide rate limiters: what a test outside any container wants.
   */
  public PlexRecordsRead() {
    this(new HttpPlexClientFactory());
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    PlexResource resource = resource(input.resource());
    List<Map.Entry<String, String>> query = RecordFilters.query(resource, input.filters());
    PlexClient client =
        clients.forConnection(
            input.connection(), PlexSteps.connection(context, input.connection()));
    Instant since =
        input.modifiedSince() == null ? null : PlexTimestamps.truncate(input.modifiedSince());
    Optional<String> modifiedField = resource.modifiedField();
    if (since != null && modifiedField.isEmpty()) {
      context
          .log()
          .warn(
              "Plex "
                  + resource.stepName()
                  + " carry no modified date: modifiedSince "
                  + since
                  + " cannot apply, reading them all");
    }
    BoundaryMargin.Cursor cursor =
        BoundaryMargin.of(input.boundaryMargin()).cursorAt(context.clock().instant());
    List<ObjectNode> records = client.records(resource, query);
    try (DatasetWriter out = context.datasets().create(resource.entity())) {
      writeChangedSince(records, resource, since, cursor, out, context);
      // Nothing changed: the cursor stays where it was, rather than sending the next run back to
      // the beginning.
      Instant newest =
          modifiedField.isEmpty()
              ? null
              : cursor.newestSeen() == null ? since : cursor.cursor(since);
      DatasetRef ref = out.finish();
      context.progress(ref.count(), ref.count());
      String kept =
          since == null || modifiedField.isEmpty()
              ? ""
              : " in full (Plex has no modified-date filter for them), kept the "
                  + ref.count()
                  + " changed since "
                  + since;
      context
          .log()
          .info(
              "Read "
                  + records.size()
                  + " Plex "
                  + resource.stepName()
                  + (query.isEmpty() ? "" : " matching " + query)
                  + kept
                  + "; cursor "
                  + newest);
      return ReadResult.withCursor(ref, newest);
    }
  }

  /**
   * Writes the records changed at or after {@code since} (all, where there is no date), telling
   * {@code cursor} their change dates.
   */
  private static void writeChangedSince(
      List<ObjectNode> records,
      PlexResource resource,
      Instant since,
      BoundaryMargin.Cursor cursor,
      DatasetWriter out,
      StepContext context) {
    for (ObjectNode record : records) {
      Instant changed =
          resource
              .modifiedField()
              .map(
                  field ->
                      RecordChanges.changedAt(record, resource.entity(), resource.idField(), field))
              .orElse(null);
      if (since != null && changed != null && changed.isBefore(since)) {
        continue;
      }
      out.add(record);
      cursor.seen(changed);
      if (out.count() % PROGRESS_EVERY == 0) {
        context.progress(out.count(), records.size());
      }
    }
  }

  private static PlexResource resource(String name) {
    return PlexResource.named(name == null ? "" : name)
        .orElseThrow(
            () ->
                new StepFailure(
                    "INVALID_INPUT",
                    "Plex has no resource '"
                        + name
                        + "' this step reads. Choose one of: "
                        + Arrays.stream(PlexResource.values()).map(PlexResource::stepName).toList()
                        + " (purchase orders: step plex.purchase-orders.read)."));
  }
}
