package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTest {

  @TempDir Path root;

  @Test
  void writingReplacesTheLayoutsFilesAndLeavesEveryOtherFileAlone() throws Exception {
    Files.createDirectories(root.resolve("flows"));
    Files.writeString(root.resolve("flows/gone.bpmn"), "<old/>");
    Files.writeString(root.resolve("flows/orders.test.yaml"), "expect: completed\n");
    Files.writeString(root.resolve("notes.md"), "mine\n");
    TenantSetup setup =
        new TenantSetup(
            Map.of("orders", "<definitions/>"),
            Map.of("hook", StableJson.read("{\"name\": \"hook\"}", "t")),
            Map.of(),
            Map.of(),
            Set.of("api-key"));

    new Folder(root).write(setup);

    assertThat(root.resolve("flows/gone.bpmn")).doesNotExist();
    assertThat(root.resolve("flows/orders.test.yaml")).hasContent("expect: completed");
    assertThat(root.resolve("notes.md")).hasContent("mine");
    assertThat(Files.readString(root.resolve("secrets.json"))).isEqualTo("[\n  \"api-key\"\n]\n");
    assertThat(new Folder(root).read()).isEqualTo(setup);
  }
}
