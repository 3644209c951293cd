package io.millflow.engine.flowtest;

import io.millflow.engine.flowtest.FlowTestFile.Replacement;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The copy of a flow that one case deploys: under a process id of its own (so its sync cursors and
 * events are its own), with the test file's replacements made, and without timer start events (a
 * schedule firing during a case would start a run the case does not expect).
 */
final class FlowUnderTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private FlowUnderTest() {}

  static String copy(String bpmn, String processId, List<Replacement> replacements) {
    String replaced = bpmn;
    for (Replacement replacement : replacements) {
      if (!replaced.contains(replacement.text())) {
        throw new FlowTestFormatException(
            "replace: the flow does not contain '" + replacement.text() + "'");
      }
      replaced = replaced.replace(replacement.text(), replacement.with());
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(replaced.getBytes(StandardCharsets.UTF_8)));
      Element process = (Element) document.getElementsByTagNameNS(BPMN, "process").item(0);
      String originalId = process.getAttribute("id");
      process.setAttribute("id", processId);
      removeTimerStarts(document, process);
      for (Element element : elements(document.getElementsByTagNameNS("*", "*"))) {
        if (originalId.equals(element.getAttribute("bpmnElement"))) {
          element.setAttribute("bpmnElement", processId);
        }
      }
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(document), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("The flow " + processId + " could not be copied", e);
    }
  }

  /** Drops each timer start event, its outgoing flows and every reference to them. */
  private static void removeTimerStarts(Document document, Element process) {
    Set<String> removed = new HashSet<>();
    for (Element start : elements(process.getElementsByTagNameNS(BPMN, "startEvent"))) {
      if (start.getElementsByTagNameNS(BPMN, "timerEventDefinition").getLength() > 0) {
        removed.add(start.getAttribute("id"));
        for (Element outgoing : elements(start.getElementsByTagNameNS(BPMN, "outgoing"))) {
          removed.add(outgoing.getTextContent().trim());
        }
        start.getParentNode().removeChild(start);
      }
    }
    for (Element element : elements(document.getElementsByTagNameNS("*", "*"))) {
      boolean flow = removed.contains(element.getAttribute("id"));
      boolean reference =
          (element.getLocalName().equals("incoming") || element.getLocalName().equals("outgoing"))
              && removed.contains(element.getTextContent().trim());
      boolean shape = removed.contains(element.getAttribute("bpmnElement"));
      if ((flow || reference || shape) && element.getParentNode() != null) {
        element.getParentNode().removeChild(element);
      }
    }
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        elements.add((Element) nodes.item(i));
      }
    }
    return elements;
  }
}
