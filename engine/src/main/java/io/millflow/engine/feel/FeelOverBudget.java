package io.millflow.engine.feel;

/**
 * An evaluation that was refused or given up for its cost. Evaluating the same expression again
 * costs the same, so whoever catches this does not retry it.
 */
public class FeelOverBudget extends RuntimeException {

  public FeelOverBudget(String message) {
    super(message);
  }
}
