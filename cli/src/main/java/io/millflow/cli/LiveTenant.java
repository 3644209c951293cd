package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * A tenant as its runtime shows it: the setup export writes, plus what apply needs to act on it —
 * the ids of triggers and subscriptions, every secret name the tenant has, and every connection it
 * can use (from the API, the configuration or the runtime) with the names of its credentials.
 */
record LiveTenant(
    TenantSetup setup,
    Map<String, String> triggerIds,
    Map<String, String> subscriptionIds,
    Set<String> secretNames,
    Map<String, JsonNode> usableConnections) {}
