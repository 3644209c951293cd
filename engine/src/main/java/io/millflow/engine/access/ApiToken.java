package io.millflow.engine.access;

import java.time.Instant;
import java.util.UUID;

/** A token as the API lists it: never the token itself, which only its creator saw, once. */
public record ApiToken(
    UUID id,
    String tenantId,
    String name,
    String role,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt) {}
