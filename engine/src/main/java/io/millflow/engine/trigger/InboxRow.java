package io.millflow.engine.trigger;

import java.util.UUID;

/** A verified request as the inbox stores it; headers and query already as JSON text. */
record InboxRow(
    UUID id, String triggerId, String eventId, String headersJson, String queryJson, byte[] body) {}
