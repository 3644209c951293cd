package io.millflow.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /api} endpoint needs the role written in {@link #EXPECTED}, and the least-privilege
 * test ({@link AccessControlTest}) calls each of them, expecting that same role. Adding an endpoint
 * or changing its role fails here until the table says so, so a change of access is always a
 * visible line in a review.
 */
public class ApiAccessCoverageTest {

  /** Method and path template of every {@code /api} endpoint, and the least role it needs. */
  public static final Map<String, Role> EXPECTED =
      table(
          "GET /api/me", Role.VIEWER,
          "GET /api/engine", Role.VIEWER,
          "GET /api/incidents", Role.VIEWER,
          "POST /api/incidents/retry", Role.OPERATOR,
          "GET /api/openapi", Role.VIEWER,
          "GET /api/flows", Role.VIEWER,
          "POST /api/flows", Role.DESIGNER,
          "GET /api/flows/{id}/bpmn", Role.VIEWER,
          "POST /api/flows/{id}/runs", Role.OPERATOR,
          "POST /api/flows/{id}/backfill", Role.OPERATOR,
          "POST /api/flows/{id}/refresh", Role.OPERATOR,
          "DELETE /api/flows/{id}", Role.DESIGNER,
          "POST /api/flows/{id}/disable", Role.OPERATOR,
          "DELETE /api/flows/{id}/disable", Role.OPERATOR,
          "GET /api/flows/{id}/sync-state", Role.VIEWER,
          "DELETE /api/flows/{id}/sync-state", Role.OPERATOR,
          "GET /api/flows/{id}/versions", Role.VIEWER,
          "GET /api/flows/{id}/versions/{version}/bpmn", Role.VIEWER,
          "GET /api/runs", Role.VIEWER,
          "GET /api/runs/{id}", Role.VIEWER,
          "GET /api/runs/{id}/datasets", Role.VIEWER,
          "GET /api/runs/{id}/datasets/{dataset}", Role.VIEWER,
          "GET /api/runs/{id}/datasets/{dataset}/download", Role.VIEWER,
          "POST /api/runs/{id}/datasets/{dataset}/download-link", Role.VIEWER,
          "GET /api/runs/{id}/variables", Role.VIEWER,
          "POST /api/runs/{id}/retry", Role.OPERATOR,
          "POST /api/runs/{id}/cancel", Role.OPERATOR,
          "POST /api/runs/{id}/restart", Role.OPERATOR,
          "GET /api/connection-types", Role.VIEWER,
          "GET /api/connections", Role.VIEWER,
          "GET /api/connections/{name}", Role.VIEWER,
          "PUT /api/connections/{name}", Role.DESIGNER,
          "DELETE /api/connections/{name}", Role.DESIGNER,
          "POST /api/connections/test", Role.DESIGNER,
          "POST /api/connections/{name}/test", Role.OPERATOR,
          "GET /api/connections/{name}/status", Role.VIEWER,
          "GET /api/connections/{name}/checks", Role.VIEWER,
          "GET /api/connections/{name}/flows", Role.VIEWER,
          "GET /api/element-templates", Role.VIEWER,
          "GET /api/schedules", Role.VIEWER,
          "POST /api/schedules/{flowId}/pause", Role.OPERATOR,
          "DELETE /api/schedules/{flowId}/pause", Role.OPERATOR,
          "POST /api/subscriptions", Role.DESIGNER,
          "GET /api/subscriptions", Role.VIEWER,
          "DELETE /api/subscriptions/{id}", Role.DESIGNER,
          "PUT /api/subscriptions/{id}/event-types", Role.DESIGNER,
          "GET /api/subscriptions/{id}/deliveries", Role.VIEWER,
          "POST /api/triggers", Role.DESIGNER,
          "GET /api/triggers", Role.VIEWER,
          "POST /api/triggers/{id}/rotate-secret", Role.DESIGNER,
          "GET /api/triggers/{id}/events", Role.VIEWER,
          "GET /api/triggers/{id}/events/{event}", Role.VIEWER,
          "GET /api/triggers/{id}/rejections", Role.VIEWER,
          "DELETE /api/triggers/{id}", Role.DESIGNER,
          "PUT /api/triggers/{id}", Role.DESIGNER,
          "POST /api/triggers/{id}/events/{event}/replay", Role.OPERATOR,
          "PUT /api/triggers/{id}/routes", Role.DESIGNER,
          "POST /api/triggers/{id}/pause", Role.OPERATOR,
          "POST /api/triggers/{id}/test-event", Role.OPERATOR,
          "DELETE /api/triggers/{id}/pause", Role.OPERATOR,
          "POST /api/tokens", Role.ADMIN,
          "GET /api/tokens", Role.ADMIN,
          "DELETE /api/tokens/{id}", Role.ADMIN,
          "GET /api/audit", Role.ADMIN,
          "GET /api/secrets", Role.VIEWER,
          "PUT /api/secrets/{name}", Role.DESIGNER,
          "DELETE /api/secrets/{name}", Role.DESIGNER);

  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class);

  @Test
  void everyApiEndpointNeedsTheRoleTheTableSays() throws IOException {
    assertThat(declaredEndpoints()).isEqualTo(EXPECTED);
  }

  @Test
  void theLeastPrivilegeTestCallsEveryEndpointOnceExpectingItsRole() {
    Map<String, Role> called = new TreeMap<>();
    List<String> unmatched =
        AccessControlTest.ENDPOINTS.stream()
            .filter(endpoint -> template(endpoint.method(), endpoint.path()).isEmpty())
            .map(endpoint -> endpoint.method() + " " + endpoint.path())
            .toList();
    List<String> twice =
        AccessControlTest.ENDPOINTS.stream()
            .flatMap(
                endpoint ->
                    template(endpoint.method(), endpoint.path()).stream()
                        .filter(found -> called.put(found, endpoint.least()) != null))
            .toList();

    assertThat(unmatched).as("calls that match no endpoint of the table").isEmpty();
    assertThat(twice).as("endpoints called more than once").isEmpty();
    assertThat(called).isEqualTo(new TreeMap<>(EXPECTED));
  }

  /**
   * The table's endpoint a concrete call goes to: the most specific template it matches (literals
   * beat parameters).
   */
  private static Optional<String> template(String method, String path) {
    String call = method + " " + path.replaceFirst("\\?.*", "");
    return EXPECTED.keySet().stream()
        .filter(endpoint -> matcher(endpoint).matcher(call).matches())
        .max(Comparator.comparingInt(endpoint -> endpoint.replaceAll("\\{[^}]+}", "").length()));
  }

  private static Pattern matcher(String endpoint) {
    return Pattern.compile(
        Arrays.stream(endpoint.split("\\{[^}]+}", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining("[^/]+")));
  }

  /**
   * What the resources declare: method and path template of each {@code /api} method, and its
   * {@link Access} role.
   */
  private static Map<String, Role> declaredEndpoints() throws IOException {
    Map<String, Role> endpoints = new TreeMap<>();
    List<String> unnamed = new ArrayList<>();
    for (Method method : apiMethods()) {
      Access access =
          Optional.ofNullable(method.getAnnotation(Access.class))
              .orElse(method.getDeclaringClass().getAnnotation(Access.class));
      String endpoint = httpMethod(method) + " " + path(method);
      if (access == null) {
        unnamed.add(endpoint);
      } else {
        endpoints.put(endpoint, access.value());
      }
    }
    assertThat(unnamed).as("API methods that name no role").isEmpty();
    return endpoints;
  }

  private static String httpMethod(Method method) {
    return HTTP_METHODS.stream()
        .filter(method::isAnnotationPresent)
        .findFirst()
        .orElseThrow()
        .getSimpleName();
  }

  private static String path(Method method) {
    String base = method.getDeclaringClass().getAnnotation(Path.class).value();
    Path own = method.getAnnotation(Path.class);
    if (own == null) {
      return base;
    }
    String sub = own.value().startsWith("/") ? own.value() : "/" + own.value();
    return (base + sub).replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
  }

  private static List<Method> apiMethods() throws IOException {
    try (Stream<java.nio.file.Path> files =
        Files.list(java.nio.file.Path.of("target/classes/io/millflow/engine/api"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith("Resource.class"))
          .<Class<?>>map(name -> load("io.millflow.engine.api." + name.replace(".class", "")))
          .filter(
              type ->
                  type.isAnnotationPresent(Path.class)
                      && type.getAnnotation(Path.class).value().startsWith("/api"))
          .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
          .filter(method -> HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Role> table(Object... endpointsAndRoles) {
    Map<String, Role> table = new TreeMap<>();
    for (int i = 0; i < endpointsAndRoles.length; i += 2) {
      if (table.put((String) endpointsAndRoles[i], (Role) endpointsAndRoles[i + 1]) != null) {
        throw new IllegalArgumentException("Listed twice: " + endpointsAndRoles[i]);
      }
    }
    return Collections.unmodifiableMap(table);
  }
}
