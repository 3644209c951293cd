package io.millflow.engine.operaton;

import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.operaton.bpm.engine.delegate.VariableScope;
import scala.Option;
import scala.Some;
import scala.collection.Iterable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The variables of an Operaton scope as a FEEL context, read one name at a time as the expression
 * asks for them (an expression over one variable does not load the others).
 */
final class ScopeContext extends CustomContext {

  private final VariableProvider variables;

  ScopeContext(VariableScope scope) {
    this.variables =
        new VariableProvider() {
          @Override
          public Option<Object> getVariable(String name) {
            return scope.hasVariable(name) ? new Some<>(scope.getVariable(name)) : Option.empty();
          }

          @Override
          public Iterable<String> keys() {
            return CollectionConverters.asScala(scope.getVariableNames());
          }
        };
  }

  @Override
  public VariableProvider variableProvider() {
    return variables;
  }
}
