package io.millflow.engine.operaton;

import java.util.List;
import org.operaton.bpm.engine.impl.util.xml.Element;

/** Reads the {@code zeebe:} extension elements of a BPMN element (Camunda 8 dialect). */
final class ZeebeExtensions {

  static final String NAMESPACE = "http://camunda.org/schema/zeebe/1.0";

  private ZeebeExtensions() {}

  /** The zeebe: children of the element's extensionElements, in document order. */
  static List<Element> all(Element element) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return List.of();
    }
    return extensions.elements().stream()
        .filter(child -> NAMESPACE.equals(child.getUri()))
        .toList();
  }

  /** The one zeebe: extension of this name, or null. */
  static Element one(Element element, String name) {
    return all(element).stream()
        .filter(child -> name.equals(child.getTagName()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The zeebe: children of an extension element (inputs of an ioMapping, headers of taskHeaders).
   */
  static List<Element> children(Element extension, String name) {
    if (extension == null) {
      return List.of();
    }
    return extension.elements().stream()
        .filter(child -> NAMESPACE.equals(child.getUri()) && name.equals(child.getTagName()))
        .toList();
  }

  static String id(Element element) {
    return element.attribute("id");
  }
}
