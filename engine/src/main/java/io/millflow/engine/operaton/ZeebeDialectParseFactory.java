package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.cfg.BpmnParseFactory;

/** Makes every parse of this engine a {@link ZeebeDialectParse}. */
final class ZeebeDialectParseFactory implements BpmnParseFactory {

  private final Translation translation;

  ZeebeDialectParseFactory(Translation translation) {
    this.translation = translation;
  }

  @Override
  public BpmnParse createBpmnParse(BpmnParser parser) {
    return new ZeebeDialectParse(parser, translation);
  }
}
