package io.millflow.engine.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log: who (token), did what (action on a resource), when, and what the API
 * answered.
 */
public record AuditEntry(
    long id,
    Instant at,
    UUID tokenId,
    String tokenName,
    String action,
    String resource,
    int outcome) {}
