package io.millflow.step;

import java.time.Instant;

/**
 * What every source step returns: the records it read, and the cursor a later incremental read continues from (the
 * greatest source updated-at it saw, or null when it read nothing).
 */
public record ReadResult(DatasetRef records, Instant cursor) {}
