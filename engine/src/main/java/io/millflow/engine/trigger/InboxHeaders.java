package io.millflow.engine.trigger;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request headers the inbox keeps for one trigger: those its expressions read (routes'
 * conditions, variables and correlation keys, the ordering key and sequence), the event-id header,
 * and the installation's allow-list ({@code millflow.webhooks.kept-headers}). Credentials ({@code
 * Authorization}, {@code Cookie}, tokens, keys) and the signature are never kept, even when an
 * expression or the allow-list names them: a row of the inbox must not hand a sender's credentials
 * to whoever reads the database.
 *
 * <p>A header counts as read when an expression that mentions {@code headers} names it as {@code
 * headers.<name>}, {@code headers["<name>"]} or any string literal ({@code get value(headers,
 * "x-site")}); an expression that passes {@code headers} on whole gets only these, so a header it
 * needs otherwise belongs on the allow-list.
 */
final class InboxHeaders {

  private static final Pattern MENTION = Pattern.compile("\\bheaders\\b");
  private static final Pattern DOTTED =
      Pattern.compile("\\bheaders\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<String> CREDENTIALS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "www-authenticate",
          "proxy-authenticate",
          "x-api-key",
          "api-key",
          "apikey");
  private static final Pattern CREDENTIAL_LIKE =
      Pattern.compile(
          "token|secret|password|passwd|session|credential|auth" + "|api-?key|signature");

  private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

  private final Set<String> kept;

  private InboxHeaders(Set<String> kept) {
    this.kept = kept;
  }

  /** The headers kept for a trigger, given the installation's allow-list (any case). */
  static InboxHeaders of(TriggerDefinition trigger, Set<String> allowed) {
    Set<String> kept = new TreeSet<>();
    allowed.forEach(name -> kept.add(name.toLowerCase(Locale.ROOT)));
    expressions(trigger).forEach(expression -> kept.addAll(namesRead(expression)));
    if (trigger.eventId() != null && trigger.eventId().startsWith("header:")) {
      kept.add(trigger.eventId().substring("header:".length()).toLowerCase(Locale.ROOT));
    }
    // A sender's trace goes on into the runs its event starts (docs/operations.md).
    kept.addAll(TRACE_CONTEXT);
    kept.remove(trigger.signature().header().toLowerCase(Locale.ROOT));
    kept.removeIf(InboxHeaders::isCredential);
    return new InboxHeaders(Set.copyOf(kept));
  }

  /** What a masked header's value reads as. */
  static final String MASK = "(masked)";

  /**
   * Every header of a request (names lower case), for the trigger page: credentials and the
   * trigger's signature masked, so a sender's secrets are never stored.
   */
  static Map<String, String> masked(
      TriggerDefinition trigger, Map<String, String> lowerCaseHeaders) {
    String signature = trigger.signature().header().toLowerCase(Locale.ROOT);
    Map<String, String> masked = new TreeMap<>();
    lowerCaseHeaders.forEach(
        (name, value) ->
            masked.put(name, name.equals(signature) || isCredential(name) ? MASK : value));
    return masked;
  }

  /** Whether a header is one the inbox never keeps. */
  static boolean isCredential(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return CREDENTIALS.contains(lower) || CREDENTIAL_LIKE.matcher(lower).find();
  }

  /** The kept headers of a request whose header names are lower case. */
  Map<String, String> keep(Map<String, String> lowerCaseHeaders) {
    Map<String, String> kept = new TreeMap<>();
    lowerCaseHeaders.forEach(
        (name, value) -> {
          if (this.kept.contains(name)) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  Set<String> names() {
    return kept;
  }

  private static Stream<String> expressions(TriggerDefinition trigger) {
    Stream<String> routes =
        trigger.routes().stream()
            .flatMap(
                route ->
                    Stream.of(
                        route.condition(),
                        route.variables(),
                        route.message() == null ? null : route.message().correlationKey()));
    Stream<String> ordering =
        trigger.ordering() == null
            ? Stream.empty()
            : Stream.of(trigger.ordering().key(), trigger.ordering().sequence());
    return Stream.concat(routes, ordering)
        .filter(expression -> expression != null && !expression.isBlank());
  }

  private static Set<String> namesRead(String expression) {
    Set<String> names = new TreeSet<>();
    if (!MENTION.matcher(expression).find()) {
      return names;
    }
    Matcher dotted = DOTTED.matcher(expression);
    while (dotted.find()) {
      names.add(dotted.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher literal = LITERAL.matcher(expression);
    while (literal.find()) {
      names.add(literal.group(1).toLowerCase(Locale.ROOT));
    }
    return names;
  }
}
