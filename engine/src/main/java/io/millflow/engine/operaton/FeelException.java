package io.millflow.engine.operaton;

import org.operaton.bpm.engine.ProcessEngineException;

/**
 * A FEEL expression of a flow did not parse or failed to evaluate; its message names the expression
 * and the element. A {@link ProcessEngineException}, so the engine turns a failure at run time into
 * a failed job or command.
 */
final class FeelException extends ProcessEngineException {

  FeelException(String message) {
    super(message);
  }
}
