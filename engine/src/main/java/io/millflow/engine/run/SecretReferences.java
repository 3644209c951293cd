package io.millflow.engine.run;

import io.millflow.engine.security.FlowSecrets;
import io.millflow.engine.store.StoreOutage;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code {{secrets.NAME}}} references in a task's variables and looks up the tenant's
 * secrets they name, once per attempt, before the step runs: Zeebe's variables and the BPMN hold
 * only the reference. The {@link ResolvedSecrets} put the values in the step's input and hide them
 * again in whatever the attempt stores.
 */
final class SecretReferences {

  static final Pattern REFERENCE = io.millflow.engine.flow.AuthoredSecrets.REFERENCE;

  private final FlowSecrets secrets;

  SecretReferences(FlowSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * The secrets the variables refer to. A name the tenant has no secret of, or whose secret cannot
   * be opened, is kept with what to do about it, for the step's input to fail on.
   *
   * @throws RuntimeException only when the state store is unreachable, so the attempt is handed
   *     back
   */
  ResolvedSecrets lookUp(
      String tenantId, Map<String, Object> variables, Map<String, Set<String>> authored) {
    Set<String> names = new LinkedHashSet<>();
    authored.forEach(
        (variable, allowed) -> {
          Set<String> referenced = new LinkedHashSet<>();
          collectNames(variables.get(variable), referenced);
          referenced.retainAll(allowed);
          names.addAll(referenced);
        });
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (String name : names) {
      try {
        secrets
            .value(tenantId, name)
            .ifPresentOrElse(
                value -> values.put(name, value),
                () ->
                    problems.put(
                        name,
                        "which does not exist. Create it with PUT /api/secrets/"
                            + name
                            + " (or in the designer), then retry."));
      } catch (RuntimeException e) {
        if (StoreOutage.isUnreachable(e)) {
          throw e;
        }
        problems.put(
            name,
            "which could not be opened ("
                + e.getClass().getSimpleName()
                + "). Save it again with PUT"
                + " /api/secrets/"
                + name
                + ", then retry.");
      }
    }
    return new ResolvedSecrets(values, problems, authored);
  }

  private static void collectNames(Object value, Set<String> names) {
    switch (value) {
      case String text when text.contains("{{") -> {
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
          names.add(reference.group(1));
        }
      }
      case Map<?, ?> map -> map.values().forEach(item -> collectNames(item, names));
      case List<?> list -> list.forEach(item -> collectNames(item, names));
      case null, default -> {}
    }
  }
}
