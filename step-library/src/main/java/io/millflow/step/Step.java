package io.millflow.step;

/**
 * A typed unit of work that Zeebe calls as a job worker.
 *
 * <p>A step is one small, stateless, thread-safe class annotated with {@link StepType}. Its input
 * is a record whose components carry {@link Param} and Jakarta Validation annotations; those
 * annotations are the single source of the element template the designer shows. Records never
 * travel as Zeebe variables: a step that produces records writes them to {@link
 * StepContext#datasets()} and returns a {@link DatasetRef}.
 *
 * <p>Failures are signalled with the three {@link StepException} types; anything else is treated as
 * a bug and becomes an incident. Steps are plain objects: a unit test calls {@link #run} with a
 * test context, no engine needed.
 *
 * @param <I> the input record
 * @param <O> the output record, stored under the task's result variable
 */
public interface Step<I, O> {

  O run(I input, StepContext context);
}
