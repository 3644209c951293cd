package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The layouts README.md documents are the ones the code declares: the section between the markers
 * is rendered from {@link EntityLayout}. After a model change, run this test with {@code
 * -Dlayouts.write=true} to rewrite it.
 */
class LayoutDocTest {

  private static final Path README = Path.of("README.md");
  private static final String START = "<!-- layouts:start (rendered by LayoutDocTest) -->\n";
  private static final String END = "<!-- layouts:end -->";

  @Test
  void readmeDocumentsTheDeclaredLayouts() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README.md has the layout markers").isNotNegative();
    String rendered = render();
    if (Boolean.getBoolean("layouts.write")) {
      readme = readme.substring(0, start + START.length()) + rendered + readme.substring(end);
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    }
    assertThat(readme.substring(start + START.length(), readme.indexOf(END)))
        .as("README.md layouts; rerun with -Dlayouts.write=true")
        .isEqualTo(rendered);
  }

  private static String render() {
    StringBuilder text = new StringBuilder();
    for (EntityLayout<?> layout : EntityLayout.all()) {
      text.append("\n#### `")
          .append(Identifiers.snakeCase(layout.entity()))
          .append("` (entity `")
          .append(layout.entity())
          .append("`, `")
          .append(layout.type().getSimpleName())
          .append("`), primary key `key`\n\n");
      columns(text, layout.tableColumns());
      if (layout.type() == io.millflow.model.PurchaseOrder.class) {
        text.append(
            "\n#### `purchase_order_line` (the order table's name + `_line`), primary key (`order_key`,"
                + " `line_number`)\n\n");
        columns(text, EntityLayout.withSyncedAt(PurchaseOrderLayout.LINE_COLUMNS));
      }
    }
    return text.append('\n').toString();
  }

  private static void columns(StringBuilder text, java.util.List<Column<?>> columns) {
    text.append("| column | kind |\n|---|---|\n");
    for (Column<?> column : columns) {
      text.append("| `")
          .append(column.name())
          .append("` | ")
          .append(column.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" |\n");
    }
  }
}
