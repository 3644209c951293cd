package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.WorkOrder;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.job} to the unified {@link WorkOrder}: id → key, jobNumber → code, jobStatus →
 * status, jobType → type, priority → priority, partId → itemKey, partNumber → itemCode, quantity →
 * quantity, quantityCompleted → quantityCompleted, buildingCode → siteKey, dueDate → dueAt,
 * completedDate → completedAt. Plex's job list has no created or modified date, so updatedAt and
 * the source's updated-at are null: a sink cannot tell an older version of a job from a newer one
 * and keeps the last written.
 */
@Singleton
public final class PlexJobMapper extends PlexResourceMapper {

  public PlexJobMapper() {
    super(PlexResource.JOBS, WorkOrder.ENTITY);
  }

  /**
   * The Plex field each unified field is read from (the list above, all in Plex's published field
   * list of the resource), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "jobNumber"),
          Map.entry("status", "jobStatus"),
          Map.entry("type", "jobType"),
          Map.entry("priority", "priority"),
          Map.entry("itemKey", "partId"),
          Map.entry("itemCode", "partNumber"),
          Map.entry("quantity", "quantity"),
          Map.entry("quantityCompleted", "quantityCompleted"),
          Map.entry("siteKey", "buildingCode"),
          Map.entry("dueAt", "dueDate"),
          Map.entry("completedAt", "completedDate"));

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.JOB;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public WorkOrder map(JsonNode source, MappingOptions options) {
    PlexRecord job = record(source, "job");
    return new WorkOrder(
        job.text("id"),
        job.text("jobNumber"),
        null,
        job.text("jobStatus"),
        job.text("jobType"),
        job.text("priority"),
        job.text("partId"),
        job.text("partNumber"),
        job.decimal("quantity"),
        job.decimal("quantityCompleted"),
        null,
        job.text("buildingCode"),
        null,
        job.instant("dueDate"),
        job.instant("completedDate"),
        null,
        null,
        PlexRecord.source(options, job.text("id"), null),
        job.customFields(options.customFields()),
        job.raw(options));
  }
}
