package io.millflow.engine.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.camunda.feel.syntaxtree.ArithmeticNegation;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.SomeItem;
import scala.Product;
import scala.Tuple2;

/**
 * How many loop iterations an expression's text allows, read from its syntax tree before it runs.
 * The FEEL engine builds a range ({@code 1..n}) and the combinations of a multi-variable {@code
 * for} as whole lists before the first iteration, without a point where it could be stopped: 30
 * million numbers take gigabytes. So ranges need number literals as bounds, and the iterations of
 * nested loops (ranges multiply) must stay within the budget. A list from the data ({@code
 * body.lines}) counts as {@link #DATA_LIST} items; its true length is bounded by the payload, and
 * its iterations are stopped by the running budget.
 */
final class FeelCost {

  /** What a list of unknown length (from the payload or a function) counts as. */
  static final long DATA_LIST = 100;

  private final long maxIterations;

  FeelCost(long maxIterations) {
    this.maxIterations = maxIterations;
  }

  /** Why the expression is too costly to run, or empty when it is within the budget. */
  Optional<String> problem(Exp expression) {
    try {
      long iterations = cost(expression);
      return iterations <= maxIterations
          ? Optional.empty()
          : Optional.of(
              "its loops would run up to "
                  + String.format("%,d", iterations)
                  + " iterations (nested loops multiply); at most "
                  + String.format("%,d", maxIterations)
                  + " are allowed");
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  private long cost(Object node) {
    return switch (node) {
      case For loop -> loop(loop.iterators(), loop.exp());
      case SomeItem some -> loop(some.iterators(), some.condition());
      case EveryItem every -> loop(every.iterators(), every.condition());
      case Filter filter ->
          plus(cost(filter.list()), times(size(filter.list()), plus(1, cost(filter.filter()))));
      case IterationContext range -> size(range);
      case scala.collection.Iterable<?> items -> sum(items.iterator());
      case Product product -> sum(product.productIterator());
      default -> 0;
    };
  }

  private long loop(scala.collection.immutable.List<Tuple2<String, Exp>> iterators, Exp body) {
    long combinations = 1;
    long ofLists = 0;
    for (scala.collection.Iterator<Tuple2<String, Exp>> it = iterators.iterator(); it.hasNext(); ) {
      Exp list = it.next()._2();
      combinations = times(combinations, size(list));
      ofLists = plus(ofLists, list instanceof IterationContext ? 0 : cost(list));
    }
    return plus(ofLists, times(combinations, plus(1, cost(body))));
  }

  private long size(Exp list) {
    return switch (list) {
      case IterationContext range -> rangeSize(range);
      case ConstList items -> items.items().size();
      default -> DATA_LIST;
    };
  }

  private long rangeSize(IterationContext range) {
    BigDecimal start = literal(range.start());
    BigDecimal end = literal(range.end());
    if (start == null || end == null) {
      throw new Refused(
          "a range in a loop needs numbers as bounds (e.g. 1..100), not values computed when it runs;"
              + " to loop over data, loop over its list (for line in body.lines ...)");
    }
    BigInteger size = end.subtract(start).abs().toBigInteger().add(BigInteger.ONE);
    if (size.compareTo(BigInteger.valueOf(maxIterations)) > 0) {
      throw new Refused(
          "the range "
              + start.toPlainString()
              + ".."
              + end.toPlainString()
              + " has "
              + String.format("%,d", size)
              + " items; at most "
              + String.format("%,d", maxIterations)
              + " are allowed");
    }
    return size.longValueExact();
  }

  private static BigDecimal literal(Exp bound) {
    return switch (bound) {
      case ConstNumber number -> number.value().bigDecimal();
      case ArithmeticNegation negation when negation.x() instanceof ConstNumber number ->
          number.value().bigDecimal().negate();
      default -> null;
    };
  }

  private long sum(scala.collection.Iterator<?> children) {
    long total = 0;
    while (children.hasNext()) {
      total = plus(total, cost(children.next()));
    }
    return total;
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long times(long a, long b) {
    return a == 0 || b == 0 ? 0 : a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
