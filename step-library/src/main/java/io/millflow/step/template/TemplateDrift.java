package io.millflow.step.template;

/**
 * One way a folder of committed element templates differs from what the code generates.
 *
 * @param file the file name inside the folder, {@code <step id>.json}
 * @param kind how it differs
 */
public record TemplateDrift(String file, Kind kind) {

  /** How a committed file differs from the generated set. */
  public enum Kind {
    /** A step has no committed template. */
    MISSING,
    /** The committed template is not what the step's annotations generate. */
    CHANGED,
    /** A committed template no step generates (a step was removed or renamed). */
    EXTRA
  }

  @Override
  public String toString() {
    return file
        + " "
        + switch (kind) {
          case MISSING -> "is missing";
          case CHANGED -> "differs from the generated template";
          case EXTRA -> "belongs to no step";
        };
  }
}
