package io.millflow.example.firststep;

import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplates;
import io.millflow.step.testing.CommittedTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The element template the designer would show for the step, generated from its annotations and
 * committed.
 */
class ScrapCheckTemplateTest {

  @Test
  void committedTemplateMatchesTheStep() throws IOException {
    Path module = RepositoryFiles.root().resolve("examples/first-step");
    new CommittedTemplates(
            module.resolve("element-templates"),
            module.resolve("target/element-templates"),
            "./mvnw -pl examples/first-step -am test -Dtest=ScrapCheckTemplateTest -Dsurefire.failIfNoSpecifiedTests=false")
        .assertMatch(new ElementTemplates(List.of(StepDescriptor.of(new ScrapCheck()))));
  }
}
