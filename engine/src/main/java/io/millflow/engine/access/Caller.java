package io.millflow.engine.access;

import java.util.UUID;

/** Who calls the API: the tenant they act for, their role, and the token they used. */
public record Caller(String tenantId, Role role, UUID tokenId, String tokenName) {}
