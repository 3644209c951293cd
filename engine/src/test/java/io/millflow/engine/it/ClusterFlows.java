package io.millflow.engine.it;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** BPMN of the flows the multi-instance tests deploy. */
final class ClusterFlows {

  private static final String HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D_%1$s" targetNamespace="http://millflow.io/test">
        <bpmn:process id="%1$s" isExecutable="true">
      """;
  private static final String TAIL =
      """
        </bpmn:process>
      </bpmn:definitions>
      """;

  private ClusterFlows() {}

  /** One step: Plex purchase orders read through {@code connection}. */
  static String plexRead(String id, String connection) {
    return HEAD.formatted(id)
        + """
          <bpmn:startEvent id="Start" />
          <bpmn:serviceTask id="ReadOrders">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="plex.purchase-orders.read" retries="1" />
              <zeebe:ioMapping><zeebe:input source="%s" target="connection" /></zeebe:ioMapping>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:endEvent id="End" />
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="ReadOrders" />
          <bpmn:sequenceFlow id="F2" sourceRef="ReadOrders" targetRef="End" />
        """
            .formatted(connection)
        + TAIL;
  }

  /**
   * {@code count} steps in a row that do next to nothing ({@code webhook.send} of an event nobody
   * subscribes to: one read of the subscriptions and a log line), so the time is the
   * orchestration's.
   */
  static String quickSteps(String id, int count) {
    String tasks =
        IntStream.rangeClosed(1, count)
            .mapToObj(
                i ->
                    """
          <bpmn:serviceTask id="Step%1$d">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="webhook.send" retries="3" />
              <zeebe:ioMapping><zeebe:input source="cluster.step" target="event" /></zeebe:ioMapping>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="F%1$d" sourceRef="%2$s" targetRef="Step%1$d" />
        """
                        .formatted(i, i == 1 ? "Start" : "Step" + (i - 1)))
            .collect(Collectors.joining());
    return HEAD.formatted(id)
        + """
          <bpmn:startEvent id="Start" />
        """
        + tasks
        + """
          <bpmn:endEvent id="End" />
          <bpmn:sequenceFlow id="FEnd" sourceRef="Step%d" targetRef="End" />
        """
            .formatted(count)
        + TAIL;
  }

  /** A timer ({@code duration}, e.g. {@code PT4S}) and then one near no-op step. */
  static String waitThenStep(String id, String duration) {
    return HEAD.formatted(id)
        + """
          <bpmn:startEvent id="Start" />
          <bpmn:intermediateCatchEvent id="Wait">
            <bpmn:timerEventDefinition id="WaitTimer"><bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:serviceTask id="Step1">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="webhook.send" retries="3" />
              <zeebe:ioMapping><zeebe:input source="cluster.step" target="event" /></zeebe:ioMapping>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:endEvent id="End" />
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
          <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Step1" />
          <bpmn:sequenceFlow id="F3" sourceRef="Step1" targetRef="End" />
        """
            .formatted(duration)
        + TAIL;
  }

  /**
   * A flow that a timer starts (an ISO-8601 cycle such as {@code R3/PT2S}) and that ends at once.
   */
  static String timerStarted(String id, String cycle) {
    return HEAD.formatted(id)
        + """
          <bpmn:startEvent id="Tick">
            <bpmn:timerEventDefinition id="TickTimer">
              <bpmn:timeCycle>%s</bpmn:timeCycle>
            </bpmn:timerEventDefinition>
          </bpmn:startEvent>
          <bpmn:endEvent id="End" />
          <bpmn:sequenceFlow id="F" sourceRef="Tick" targetRef="End" />
        """
            .formatted(cycle)
        + TAIL;
  }

  /**
   * Plex purchase orders, incremental, to the unified model, upserted into the warehouse: the
   * example flow's steps.
   */
  static String purchaseOrderSync(String id) {
    return HEAD.formatted(id)
        + """
          <bpmn:startEvent id="Start" />
          <bpmn:serviceTask id="ReadOrders">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="plex.purchase-orders.read" retries="3" />
              <zeebe:ioMapping><zeebe:input source="%1$s" target="connection" /></zeebe:ioMapping>
              <zeebe:taskHeaders><zeebe:header key="resultVariable" value="orders" /></zeebe:taskHeaders>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:serviceTask id="ToUnified">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="unified.transform" retries="3" />
              <zeebe:ioMapping>
                <zeebe:input source="=orders.records" target="records" />
                <zeebe:input source="%1$s" target="sourceConnection" />
              </zeebe:ioMapping>
              <zeebe:taskHeaders><zeebe:header key="resultVariable" value="purchaseOrders" /></zeebe:taskHeaders>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:serviceTask id="WriteOrders">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="postgres.write" retries="3" />
              <zeebe:ioMapping>
                <zeebe:input source="%2$s" target="connection" />
                <zeebe:input source="upsert" target="mode" />
                <zeebe:input source="=purchaseOrders" target="records" />
              </zeebe:ioMapping>
              <zeebe:taskHeaders><zeebe:header key="resultVariable" value="written" /></zeebe:taskHeaders>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:endEvent id="End" />
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="ReadOrders" />
          <bpmn:sequenceFlow id="F2" sourceRef="ReadOrders" targetRef="ToUnified" />
          <bpmn:sequenceFlow id="F3" sourceRef="ToUnified" targetRef="WriteOrders" />
          <bpmn:sequenceFlow id="F4" sourceRef="WriteOrders" targetRef="End" />
        """
            .formatted(Cluster.PLEX, Cluster.WAREHOUSE)
        + TAIL;
  }
}
