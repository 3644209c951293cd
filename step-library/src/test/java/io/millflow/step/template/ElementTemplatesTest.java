package io.millflow.step.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.StepDescriptor;
import io.millflow.step.template.TemplateDrift.Kind;
import io.millflow.steps.UnifiedTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElementTemplatesTest {

  private static final StepDescriptor TABLE_WRITE = StepDescriptor.of(new TableWrite());
  private static final StepDescriptor UNIFIED_TRANSFORM =
      StepDescriptor.of(new UnifiedTransform(List.of()));

  private final ElementTemplates templates =
      new ElementTemplates(List.of(UNIFIED_TRANSFORM, TABLE_WRITE));

  @TempDir Path folder;

  @Test
  void namesOneFileAfterEachStepId() {
    assertThat(templates.files().keySet())
        .containsExactly("test.table-write.json", "unified.transform.json");
    assertThat(templates.files().get("test.table-write.json"))
        .isEqualTo(new ElementTemplateGenerator().render(TABLE_WRITE));
  }

  @Test
  void findsNoDriftInAFolderItJustWrote() throws IOException {
    templates.writeTo(folder);

    assertThat(templates.compareWith(folder)).isEmpty();
  }

  @Test
  void reportsAChangedTemplate() throws IOException {
    templates.writeTo(folder);
    Path file = folder.resolve("unified.transform.json");
    Files.writeString(file, Files.readString(file).replace("\"Records\"", "\"Input records\""));

    assertThat(templates.compareWith(folder))
        .containsExactly(new TemplateDrift("unified.transform.json", Kind.CHANGED));
  }

  @Test
  void reportsMissingAndExtraTemplatesButIgnoresOtherFiles() throws IOException {
    templates.writeTo(folder);
    Files.delete(folder.resolve("test.table-write.json"));
    Files.writeString(folder.resolve("plex.removed.json"), "{}\n");
    Files.writeString(folder.resolve("README.md"), "Generated; do not edit.\n");

    assertThat(templates.compareWith(folder))
        .containsExactly(
            new TemplateDrift("plex.removed.json", Kind.EXTRA),
            new TemplateDrift("test.table-write.json", Kind.MISSING));
  }

  @Test
  void reportsEveryTemplateMissingWhenTheFolderDoesNotExist() throws IOException {
    assertThat(templates.compareWith(folder.resolve("absent")))
        .extracting(TemplateDrift::kind)
        .containsExactly(Kind.MISSING, Kind.MISSING);
  }

  @Test
  void rewritesTheFolderToMatchAndReportsWhatItChanged() throws IOException {
    Path target = folder.resolve("element-templates");
    Files.createDirectories(target);
    Files.writeString(target.resolve("unified.transform.json"), "{}\n");
    Files.writeString(target.resolve("plex.removed.json"), "{}\n");

    List<TemplateDrift> changed = templates.writeTo(target);

    assertThat(changed)
        .extracting(TemplateDrift::kind)
        .containsExactly(Kind.EXTRA, Kind.MISSING, Kind.CHANGED);
    assertThat(templates.compareWith(target)).isEmpty();
    assertThat(target.resolve("plex.removed.json")).doesNotExist();
    assertThat(target.resolve("unified.transform.json"))
        .hasContent(templates.files().get("unified.transform.json"));
  }

  @Test
  void treatsWindowsLineEndsAsTheSameTemplate() throws IOException {
    templates.writeTo(folder);
    Path file = folder.resolve("test.table-write.json");
    Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));

    assertThat(templates.compareWith(folder)).isEmpty();
  }

  @Test
  void rejectsTwoStepsWithTheSameId() {
    assertThatThrownBy(() -> new ElementTemplates(List.of(TABLE_WRITE, TABLE_WRITE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.table-write");
  }

  @Test
  void describesADriftWithItsFile() {
    assertThat(new TemplateDrift("postgres.write.json", Kind.MISSING))
        .hasToString("postgres.write.json is missing");
  }
}
