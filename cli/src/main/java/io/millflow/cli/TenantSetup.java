package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a folder holds (sorted by name) and what export reads from a tenant, in the same form: flows
 * by id (their BPMN), and the JSON documents of triggers, subscriptions and connections by name,
 * and the names of the secrets the flows use.
 */
record TenantSetup(
    Map<String, String> flows,
    Map<String, JsonNode> triggers,
    Map<String, JsonNode> subscriptions,
    Map<String, JsonNode> connections,
    Set<String> secrets) {

  private static final Pattern SECRET =
      Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");

  /**
   * A step input naming its connection, a literal or a FEEL string literal, whatever the prefix of
   * Zeebe's namespace and the order of the attributes.
   */
  private static final Pattern CONNECTION_SOURCE_FIRST =
      Pattern.compile(
          "<[\\w.-]+:input\\s+source=\"=?(?:&quot;)?([A-Za-z0-9][A-Za-z0-9._-]*)(?:&quot;)?\"\\s+target=\"connection\"");

  private static final Pattern CONNECTION_TARGET_FIRST =
      Pattern.compile(
          "<[\\w.-]+:input\\s+target=\"connection\"\\s+source=\"=?(?:&quot;)?([A-Za-z0-9][A-Za-z0-9._-]*)(?:&quot;)?\"");

  TenantSetup {
    flows = Collections.unmodifiableSortedMap(new TreeMap<>(flows));
    triggers = Collections.unmodifiableSortedMap(new TreeMap<>(triggers));
    subscriptions = Collections.unmodifiableSortedMap(new TreeMap<>(subscriptions));
    connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
    secrets = Collections.unmodifiableSortedSet(new TreeSet<>(secrets));
  }

  /** The secrets the flows refer to as {@code {{secrets.NAME}}}. */
  static SortedSet<String> secretsUsedBy(Iterable<String> bpmns) {
    return matches(SECRET, bpmns);
  }

  /** The connections the flows' steps name. */
  SortedSet<String> connectionsUsedByFlows() {
    SortedSet<String> names = matches(CONNECTION_SOURCE_FIRST, flows.values());
    names.addAll(matches(CONNECTION_TARGET_FIRST, flows.values()));
    return names;
  }

  private static SortedSet<String> matches(Pattern pattern, Iterable<String> texts) {
    SortedSet<String> names = new TreeSet<>();
    for (String text : texts) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }
}
