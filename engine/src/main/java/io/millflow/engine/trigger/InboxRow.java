package io.millflow.engine.trigger;

import java.util.UUID;

/**
 * A verified request as the inbox stores it; headers and query already as JSON text. {@code
 * headersJson} holds the headers the trigger's expressions read; {@code receivedHeadersJson} every
 * header received, credentials and the signature masked, for the trigger page.
 */
record InboxRow(
    UUID id,
    String triggerId,
    String eventId,
    String headersJson,
    String queryJson,
    byte[] body,
    String receivedHeadersJson) {}
