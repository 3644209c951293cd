package io.millflow.engine.feel;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The one evaluator of user FEEL (webhook routes, ordering and correlation keys, variable
 * mappings), as Zeebe evaluates it, under a {@link FeelBudget}: an expression whose loops would run
 * too long is refused before it runs (and when it is saved, through {@link #problem}); one that
 * spends too much CPU or memory while running is stopped by the interpreter itself, at its next
 * step. Evaluations run on a small pool of their own, so however many callers evaluate at once,
 * user FEEL occupies at most half of the cores. External (Java) functions are off: an expression
 * cannot reach the host.
 */
@Singleton
public class BoundedFeel {

  private static final int MAX_CACHED = 10_000;

  private final FeelEngineApi engine =
      FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();
  private final FeelBudget budget;
  private final FeelCost cost;
  private final EvaluationWatchdog watchdog;
  private final ExecutorService pool;

  /** Parsed and costed expressions by their text: a route is evaluated for every event. */
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  @Inject
  public BoundedFeel() {
    this(FeelBudget.DEFAULT);
  }

  public BoundedFeel(FeelBudget budget) {
    this.budget = budget;
    this.cost = new FeelCost(budget.maxIterations());
    this.watchdog = new EvaluationWatchdog(budget);
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Thread.ofPlatform().name("millflow-feel-", 0).daemon().factory());
  }

  public FeelBudget budget() {
    return budget;
  }

  /**
   * What is wrong with an expression, said as the end of a sentence about it ("is not valid FEEL
   * (...)", "is too costly to run: ..."); empty when it may be evaluated.
   */
  public Optional<String> problem(String expression) {
    return check(expression).problem();
  }

  /**
   * Evaluates an expression ({@code =} in front, as in BPMN, or without) with the given variables.
   *
   * @return the engine's result: a failure when the expression does not parse or fails while
   *     evaluated
   * @throws FeelOverBudget when it is too costly to run, or was stopped for spending more than the
   *     budget
   */
  public EvaluationResult evaluate(String expression, Map<String, Object> variables) {
    Checked expressionChecked = check(expression);
    if (expressionChecked.parsed() == null) {
      return engine.evaluateExpression(
          strip(expression), variables); // the engine's own parse failure, as a result
    }
    expressionChecked
        .problem()
        .ifPresent(
            problem -> {
              throw new FeelOverBudget("FEEL expression '" + expression + "' " + problem);
            });
    Future<EvaluationResult> evaluation =
        pool.submit(
            () -> watchdog.watch(() -> engine.evaluate(expressionChecked.parsed(), variables)));
    try {
      return evaluation.get();
    } catch (InterruptedException e) {
      evaluation.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while evaluating FEEL", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FeelOverBudget over) {
        throw new FeelOverBudget(
            "FEEL expression '"
                + expression
                + "' was given up: "
                + over.getMessage()
                + " (the budget of one evaluation); simplify it");
      }
      throw new IllegalArgumentException(
          "FEEL expression '" + expression + "' failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Runs an evaluation that must stay on the calling thread (the embedded engine reads variables
   * through its own transaction), under the same watchdog: stopped once it spends more than the
   * budget.
   *
   * @throws FeelOverBudget when the watchdog stopped it
   */
  public <T> T onThisThread(java.util.function.Supplier<T> evaluation) {
    try {
      return watchdog.watch(evaluation::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses and costs an expression once, for many evaluations on the caller's thread (a step's
   * records), each under this budget. Refuses, before any evaluation, what {@link #problem}
   * refuses, among it an expression that calls Java (the parser refuses external functions when
   * they are off).
   *
   * @throws FeelOverBudget when it is too costly to run
   * @throws IllegalArgumentException when it is not valid FEEL, saying why
   */
  public CompiledFeel compile(String expression) {
    Checked expressionChecked = check(expression);
    if (expressionChecked.parsed() == null) {
      throw new IllegalArgumentException(
          "FEEL expression '" + expression + "' " + expressionChecked.problem().orElseThrow());
    }
    expressionChecked
        .problem()
        .ifPresent(
            problem -> {
              throw new FeelOverBudget("FEEL expression '" + expression + "' " + problem);
            });
    return new CompiledFeel(engine, expressionChecked.parsed(), watchdog);
  }

  private Checked check(String expression) {
    Checked known = checked.get(expression);
    if (known != null) {
      return known;
    }
    ParseResult parse = engine.parseExpression(strip(expression));
    Checked fresh =
        parse.isSuccess()
            ? new Checked(
                parse.parsedExpression(),
                cost.problem(parse.parsedExpression().expression())
                    .map(problem -> "is too costly to run: " + problem))
            : new Checked(
                null, Optional.of("is not valid FEEL (" + parse.failure().message() + ")"));
    if (checked.size() >= MAX_CACHED) {
      checked.clear(); // made-up expressions must not grow it without bound
    }
    checked.put(expression, fresh);
    return fresh;
  }

  /** Designers write FEEL with a leading "=" as in the BPMN; the engine wants it without. */
  private static String strip(String expression) {
    String trimmed = expression.trim();
    return trimmed.startsWith("=") ? trimmed.substring(1) : trimmed;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
    watchdog.close();
  }

  private record Checked(ParsedExpression parsed, Optional<String> problem) {}
}
