package io.millflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A test flow in the Camunda 8 dialect the designer writes: a start event, service tasks in a row,
 * an end event. Input values are written as given (XML-escaped here), FEEL with its {@code =}.
 */
public final class LinearFlow {

  /** A service task: its element id, step type, result variable and inputs (target, source). */
  public record Task(String id, String type, String resultVariable, List<String[]> inputs) {}

  private LinearFlow() {}

  /**
   * A task whose inputs are given as pairs: {@code target, source, target, source, ...}.
   *
   * @throws IllegalArgumentException for an odd number of strings
   */
  public static Task task(String id, String type, String resultVariable, String... inputPairs) {
    if (inputPairs.length % 2 != 0) {
      throw new IllegalArgumentException("inputs come in pairs: target, source");
    }
    List<String[]> inputs = new ArrayList<>();
    for (int i = 0; i < inputPairs.length; i += 2) {
      inputs.add(new String[] {inputPairs[i], inputPairs[i + 1]});
    }
    return new Task(id, type, resultVariable, inputs);
  }

  /** The BPMN of process {@code processId}: Start → the tasks in order → End. */
  public static String bpmn(String processId, Task... tasks) {
    List<String> nodes = new ArrayList<>();
    nodes.add("Start");
    for (Task task : tasks) {
      nodes.add(task.id());
    }
    nodes.add("End");
    StringBuilder xml = new StringBuilder();
    xml.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_%1$s" targetNamespace="http://millflow.io/flows">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
        """
            .formatted(processId));
    for (int i = 0; i < tasks.length; i++) {
      xml.append(serviceTask(tasks[i], "F" + (i + 1), "F" + (i + 2)));
    }
    int last = tasks.length + 1;
    xml.append(
        "    <bpmn:endEvent id=\"End\"><bpmn:incoming>F%d</bpmn:incoming></bpmn:endEvent>\n"
            .formatted(last));
    IntStream.range(0, last)
        .forEach(
            i ->
                xml.append(
                    "    <bpmn:sequenceFlow id=\"F%d\" sourceRef=\"%s\" targetRef=\"%s\" />\n"
                        .formatted(i + 1, nodes.get(i), nodes.get(i + 1))));
    xml.append("  </bpmn:process>\n</bpmn:definitions>\n");
    return xml.toString().strip();
  }

  private static String serviceTask(Task task, String incoming, String outgoing) {
    StringBuilder xml = new StringBuilder();
    xml.append("    <bpmn:serviceTask id=\"").append(task.id()).append("\">\n");
    xml.append("      <bpmn:extensionElements>\n");
    xml.append("        <zeebe:taskDefinition type=\"")
        .append(task.type())
        .append("\" retries=\"1\" />\n");
    xml.append("        <zeebe:ioMapping>\n");
    for (String[] input : task.inputs()) {
      xml.append("          <zeebe:input source=\"")
          .append(escaped(input[1]))
          .append("\" target=\"")
          .append(input[0])
          .append("\" />\n");
    }
    xml.append("        </zeebe:ioMapping>\n");
    xml.append("        <zeebe:taskHeaders><zeebe:header key=\"resultVariable\" value=\"")
        .append(task.resultVariable())
        .append("\" /></zeebe:taskHeaders>\n");
    xml.append("      </bpmn:extensionElements>\n");
    xml.append("      <bpmn:incoming>")
        .append(incoming)
        .append("</bpmn:incoming><bpmn:outgoing>")
        .append(outgoing)
        .append("</bpmn:outgoing>\n");
    xml.append("    </bpmn:serviceTask>\n");
    return xml.toString();
  }

  private static String escaped(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
