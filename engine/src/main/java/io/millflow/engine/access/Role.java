package io.millflow.engine.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a token may do. Each role includes the ones before it: a viewer reads; an operator also
 * starts and retries runs; a designer also changes flows, connections, triggers and subscriptions;
 * an admin also manages tokens and reads the audit log.
 */
public enum Role {
  VIEWER,
  OPERATOR,
  DESIGNER,
  ADMIN;

  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(role -> role.label().equals(text)).findFirst();
  }

  public static String labels() {
    return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
  }
}
