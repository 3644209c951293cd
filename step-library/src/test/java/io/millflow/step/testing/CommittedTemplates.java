package io.millflow.step.testing;

import io.millflow.step.template.ElementTemplates;
import io.millflow.step.template.TemplateDrift;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The drift check of a folder of committed element templates. A test fails when the steps generate
 * other templates than the committed ones, and leaves the source tree alone: it writes what the
 * steps generate to a scratch folder under {@code target/} and says how to accept it. Only with
 * {@code -Dupdate-templates} does it rewrite the committed folder (and then passes), so a template
 * change is always a deliberate step that shows up in the commit.
 */
public final class CommittedTemplates {

  /** The system property that makes the check rewrite the committed folder instead of failing. */
  public static final String UPDATE_PROPERTY = "update-templates";

  private final Path committed;
  private final Path scratch;
  private final String testCommand;

  /**
   * @param committed the folder in the source tree that the designer and Camunda Modeler load
   * @param scratch where the generated templates go when they differ, e.g. {@code
   *     <module>/target/element-templates}
   * @param testCommand the command that runs this check, shown with {@code -Dupdate-templates}
   *     added
   */
  public CommittedTemplates(Path committed, Path scratch, String testCommand) {
    this.committed = committed;
    this.scratch = scratch;
    this.testCommand = testCommand;
  }

  /**
   * @throws AssertionError naming each drifted file, the scratch folder and the command that
   *     accepts the change
   */
  public void assertMatch(ElementTemplates templates) throws IOException {
    List<TemplateDrift> drift = templates.compareWith(committed);
    if (drift.isEmpty()) {
      return;
    }
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      templates.writeTo(committed);
      return;
    }
    templates.writeTo(scratch);
    throw new AssertionError(
        "The element templates in "
            + committed
            + " drifted from the steps: "
            + drift
            + ".\nWhat the steps generate is in "
            + scratch
            + " (compare: diff -r "
            + committed
            + " "
            + scratch
            + ")."
            + "\nWhen the change is meant, update the committed templates and commit them: "
            + testCommand
            + " -D"
            + UPDATE_PROPERTY);
  }
}
