package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record ready to send: the unified record, its key, its external id (null when unusable), the
 * body its mapping makes and the idempotency key of an asynchronous request (null: synchronous).
 */
record WritePlan<T>(
    T record, String key, String externalId, ObjectNode body, String idempotencyKey) {}
