package io.millflow.engine.feel;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An expression parsed and checked once ({@link BoundedFeel#compile}), evaluated many times on the
 * caller's thread, each evaluation under the budget of one.
 */
public final class CompiledFeel {

  private final FeelEngineApi engine;
  private final ParsedExpression parsed;
  private final EvaluationWatchdog watchdog;

  CompiledFeel(FeelEngineApi engine, ParsedExpression parsed, EvaluationWatchdog watchdog) {
    this.engine = engine;
    this.parsed = parsed;
    this.watchdog = watchdog;
  }

  /** The expression as written, without the leading {@code =}. */
  public String text() {
    return parsed.text();
  }

  /**
   * Evaluates it with these variables on this thread.
   *
   * @return the engine's result: a failure when it fails while evaluated
   * @throws FeelOverBudget when it was stopped for spending more than the budget of one evaluation
   */
  public EvaluationResult evaluate(Map<String, Object> variables) {
    try {
      return watchdog.watch(() -> engine.evaluate(parsed, variables));
    } catch (FeelOverBudget e) {
      throw new FeelOverBudget(
          "FEEL expression '" + text() + "' was given up: " + e.getMessage() + "; simplify it");
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while evaluating FEEL", e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
