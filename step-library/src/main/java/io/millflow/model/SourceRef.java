package io.millflow.model;

import java.time.Instant;

/**
 * Where a unified record came from: the system ({@code plex}, {@code netsuite}, {@code idhammar}),
 * the connection, the record's id in that system and when the system last changed it. Sinks compare
 * {@code sourceUpdatedAt} so an older version never overwrites a newer one.
 */
public record SourceRef(
    String system, String connection, String sourceId, Instant sourceUpdatedAt) {}
