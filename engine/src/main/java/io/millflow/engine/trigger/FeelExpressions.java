package io.millflow.engine.trigger;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.Optional;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * FEEL as Zeebe evaluates it, for webhook conditions and variable mappings; external (Java) functions are off, so an
 * expression cannot reach the host, and an evaluation that takes longer than {@link #LIMIT} is given up as failed (a
 * runaway expression such as a loop over a billion numbers cannot hold the dispatcher).
 */
@Singleton
public class FeelExpressions {

  static final Duration LIMIT = Duration.ofSeconds(1);

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();
  private final Duration limit;

  @jakarta.inject.Inject
  public FeelExpressions() {
    this(LIMIT);
  }

  FeelExpressions(Duration limit) {
    this.limit = limit;
  }

  /** True only when the expression evaluates to true; anything else (false, null, a failure) does not match. */
  public boolean isTrue(String expression, Map<String, Object> context) {
    EvaluationResult result = evaluate(expression, context);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  /** The value of an expression as text (an ordering key, a sequence, a correlation key); a failure is an error. */
  public String text(String expression, Map<String, Object> context) {
    EvaluationResult result = evaluate(expression, context);
    if (!result.isSuccess() || result.result() == null) {
      throw new IllegalArgumentException("FEEL expression '" + expression + "' gave no value"
          + (result.isSuccess() ? "" : ": " + result.failure().message()));
    }
    Object value = result.result();
    return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
  }

  /** A FEEL context expression evaluated to a map, for a flow's start variables. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> context(String expression, Map<String, Object> context) {
    EvaluationResult result = evaluate(expression, context);
    if (!result.isSuccess()) {
      throw new IllegalArgumentException("FEEL expression '" + expression + "' failed: " + result.failure().message());
    }
    if (!(result.result() instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("FEEL expression '" + expression + "' must give a context such as {id: body.id}, "
          + "not " + result.result());
    }
    return (Map<String, Object>) map;
  }

  private EvaluationResult evaluate(String expression, Map<String, Object> context) {
    FutureTask<EvaluationResult> evaluation = new FutureTask<>(() -> engine.evaluateExpression(strip(expression), context));
    Thread worker = Thread.ofVirtual().name("feel").start(evaluation);
    try {
      return evaluation.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      throw new IllegalArgumentException("FEEL expression '" + expression + "' took longer than " + limit.toMillis()
          + " ms and was given up: simplify it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while evaluating FEEL", e);
    } catch (ExecutionException e) {
      throw new IllegalArgumentException("FEEL expression '" + expression + "' failed: " + e.getCause().getMessage(), e);
    }
  }

  /** Why an expression is not valid FEEL, or empty when it parses (checked when routes are saved, before any event). */
  public Optional<String> parseProblem(String expression) {
    var parsed = engine.parseExpression(strip(expression));
    return parsed.isSuccess() ? Optional.empty() : Optional.of(parsed.failure().message());
  }

  /** Designers write FEEL with a leading "=" as in the BPMN; the engine wants it without. */
  private static String strip(String expression) {
    String trimmed = expression.trim();
    return trimmed.startsWith("=") ? trimmed.substring(1) : trimmed;
  }
}
