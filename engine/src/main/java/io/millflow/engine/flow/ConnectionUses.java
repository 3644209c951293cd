package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Which of a tenant's flows use a connection: the connection inputs ({@code connection}, {@code
 * sourceConnection}, ...) of the service tasks in each flow's latest version. A task that chooses
 * its connection with a FEEL expression may use any: it is listed as unknown.
 */
@Singleton
public class ConnectionUses {

  /** A FEEL expression that is only a string literal: {@code ="warehouse"}. */
  private static final Pattern LITERAL = Pattern.compile("^=\\s*\"([^\"\\\\]*)\"\\s*$");

  /**
   * One task's use of the connection.
   *
   * @param known true when the task names the connection; false when a FEEL expression ({@code
   *     expression}) chooses it at run time
   */
  public record Use(
      String flowId,
      String flowName,
      String elementId,
      String elementName,
      String input,
      boolean known,
      String expression) {}

  private final Jdbi jdbi;
  private final BpmnValidator validator;

  public ConnectionUses(StateStore store, BpmnValidator validator) {
    this.jdbi = store.jdbi();
    this.validator = validator;
  }

  /** The tasks that use the connection, and those whose connection is chosen by FEEL, by flow. */
  public List<Use> of(String tenantId, String connection) {
    List<Use> uses = new ArrayList<>();
    for (LatestFlow flow : latest(tenantId)) {
      for (ServiceTask task :
          validator.parse(flow.bpmn()).getModelElementsByType(ServiceTask.class)) {
        ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
        if (mapping == null) {
          continue;
        }
        for (ZeebeInput input : mapping.getInputs()) {
          use(flow, task, input, connection).ifPresent(uses::add);
        }
      }
    }
    return uses;
  }

  private static java.util.Optional<Use> use(
      LatestFlow flow, ServiceTask task, ZeebeInput input, String connection) {
    String target = input.getTarget();
    String source = input.getSource() == null ? "" : input.getSource().strip();
    if (target == null || !(target.equals("connection") || target.endsWith("Connection"))) {
      return java.util.Optional.empty();
    }
    Matcher literal = LITERAL.matcher(source);
    String named = literal.matches() ? literal.group(1) : source.startsWith("=") ? null : source;
    if (named != null && !named.equals(connection)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Use(
            flow.id(),
            flow.name(),
            task.getId(),
            task.getName(),
            target,
            named != null,
            named == null ? source : null));
  }

  private record LatestFlow(String id, String name, String bpmn) {}

  private List<LatestFlow> latest(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select distinct on (id) id, name, bpmn from flow where tenant_id = :tenant
                    order by id, version desc""")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new LatestFlow(
                            rs.getString("id"), rs.getString("name"), rs.getString("bpmn")))
                .list());
  }
}
