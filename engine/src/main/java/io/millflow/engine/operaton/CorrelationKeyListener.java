package io.millflow.engine.operaton;

import java.util.function.BiConsumer;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;

/**
 * Opens the Zeebe-style subscription of a message catch: when the scope that holds the event
 * subscription starts, the zeebe:subscription correlation key is evaluated and kept as a local
 * variable of that scope, which {@link MessageCorrelator} matches; once committed, messages held
 * for that name and key are tried.
 */
final class CorrelationKeyListener implements ExecutionListener {

  private static final String PREFIX = "millflow:correlationKey:";

  private final String messageName;
  private final MappingSource correlationKey;
  private final String elementId;
  private final BiConsumer<String, String> catchOpened;

  CorrelationKeyListener(
      String messageName,
      MappingSource correlationKey,
      String elementId,
      BiConsumer<String, String> catchOpened) {
    this.messageName = messageName;
    this.correlationKey = correlationKey;
    this.elementId = elementId;
    this.catchOpened = catchOpened;
  }

  /** The local variable that holds the correlation key of a message subscription. */
  static String variable(String messageName) {
    return PREFIX + messageName;
  }

  /** Whether a variable is one of these keys (not shown to steps). */
  static boolean isKeyVariable(String name) {
    return name.startsWith(PREFIX);
  }

  @Override
  public void notify(DelegateExecution execution) {
    String key = keyText(correlationKey.value(execution));
    execution.setVariableLocal(variable(messageName), key);
    Context.getCommandContext()
        .getTransactionContext()
        .addTransactionListener(
            TransactionState.COMMITTED, committed -> catchOpened.accept(messageName, key));
  }

  /**
   * Zeebe takes a text or a number as correlation key; anything else is an error at the element.
   */
  private String keyText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number number) {
      return number instanceof Double || number instanceof Float
          ? String.valueOf(number)
          : String.valueOf(number.longValue());
    }
    throw new FeelException(
        "the correlation key of message "
            + messageName
            + " at "
            + elementId
            + " must be a text or a number, but was "
            + (value == null ? "null" : value));
  }
}
