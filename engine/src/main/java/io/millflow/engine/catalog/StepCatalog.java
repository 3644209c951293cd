package io.millflow.engine.catalog;

import io.millflow.step.Step;
import io.millflow.step.StepDescriptor;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every step on the classpath, by job type. A connector adds steps by being a dependency of the
 * engine.
 */
@Singleton
public class StepCatalog {

  private final Map<String, StepDescriptor> steps;

  @Inject
  public StepCatalog(@Any Instance<Step<?, ?>> steps) {
    this(steps.stream().map(StepDescriptor::of).toList());
  }

  public StepCatalog(Collection<StepDescriptor> descriptors) {
    Map<String, StepDescriptor> byId = new TreeMap<>();
    for (StepDescriptor descriptor : descriptors) {
      StepDescriptor clash = byId.put(descriptor.id(), descriptor);
      if (clash != null) {
        throw new IllegalStateException(
            "Two steps declare the job type '"
                + descriptor.id()
                + "': "
                + clash.step().getClass().getName()
                + " and "
                + descriptor.step().getClass().getName());
      }
    }
    this.steps = Map.copyOf(byId);
  }

  public Optional<StepDescriptor> find(String stepType) {
    return Optional.ofNullable(steps.get(stepType));
  }

  /** All steps, ordered by job type. */
  public Collection<StepDescriptor> all() {
    return new TreeMap<>(steps).values();
  }

  public boolean contains(String stepType) {
    return steps.containsKey(stepType);
  }
}
