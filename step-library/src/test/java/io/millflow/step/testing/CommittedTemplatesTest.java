package io.millflow.step.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplates;
import io.millflow.steps.UnifiedTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedTemplatesTest {

  private static final String FILE = "unified.transform.json";

  private final ElementTemplates templates =
      new ElementTemplates(List.of(StepDescriptor.of(new UnifiedTransform(List.of()))));

  @TempDir Path root;
  private Path committed;
  private Path scratch;
  private CommittedTemplates check;

  @BeforeEach
  void commitTheGeneratedTemplates() throws IOException {
    committed = root.resolve("src/element-templates");
    scratch = root.resolve("target/element-templates");
    templates.writeTo(committed);
    check = new CommittedTemplates(committed, scratch, "./mvnw test -Dtest=SomeTest");
  }

  @AfterEach
  void clearTheProperty() {
    System.clearProperty(CommittedTemplates.UPDATE_PROPERTY);
  }

  @Test
  void passesWhenTheCommittedTemplatesAreWhatTheStepsGenerate() throws IOException {
    check.assertMatch(templates);

    assertThat(scratch).doesNotExist();
  }

  @Test
  void aDriftFailsWithTheCommandToUpdateAndLeavesTheSourceTreeAlone() throws IOException {
    String edited = editCommittedTemplate();

    assertThatThrownBy(() -> check.assertMatch(templates))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FILE + " differs from the generated template")
        .hasMessageContaining(scratch.toString())
        .hasMessageContaining("./mvnw test -Dtest=SomeTest -Dupdate-templates");
    assertThat(committed.resolve(FILE)).hasContent(edited);
    assertThat(scratch.resolve(FILE)).hasContent(templates.files().get(FILE));
  }

  @Test
  void updatesTheCommittedTemplatesOnlyWhenAsked() throws IOException {
    editCommittedTemplate();
    System.setProperty(CommittedTemplates.UPDATE_PROPERTY, "true");

    check.assertMatch(templates);

    assertThat(committed.resolve(FILE)).hasContent(templates.files().get(FILE));
    assertThat(templates.compareWith(committed)).isEmpty();
  }

  private String editCommittedTemplate() throws IOException {
    Path file = committed.resolve(FILE);
    String edited = Files.readString(file).replace("\"Records\"", "\"Input records\"");
    assertThat(edited).isNotEqualTo(Files.readString(file));
    Files.writeString(file, edited);
    return edited;
  }
}
