package io.millflow.engine.flow;

import java.time.Instant;

/** A flow version as Millflow keeps it. */
public record DeployedFlow(
    String id, String name, int version, String origin, Instant deployedAt) {}
