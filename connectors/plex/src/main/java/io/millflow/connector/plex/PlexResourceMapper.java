package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.UnifiedMapper;

/**
 * What the mappers of {@link PlexRecordsRead}'s datasets share: the resource they read and the
 * entity they make.
 */
abstract class PlexResourceMapper implements UnifiedMapper {

  private final PlexResource resource;
  private final String targetEntity;

  PlexResourceMapper(PlexResource resource, String targetEntity) {
    this.resource = resource;
    this.targetEntity = targetEntity;
  }

  @Override
  public final String sourceEntity() {
    return resource.entity();
  }

  @Override
  public final String targetEntity() {
    return targetEntity;
  }

  /** The record, named by its kind and id for errors: {@code supplier 5b0c...}. */
  final PlexRecord record(JsonNode source, String kind) {
    return PlexRecord.identified(source, kind, resource.idField());
  }
}
