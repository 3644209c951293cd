package io.millflow.step.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The docs' settings tables, one per connection type, generated from the connection records: a page
 * that cannot drift from the code, because a test compares the committed page with this one.
 */
public final class ConnectionDocs {

  private ConnectionDocs() {}

  public static String markdown(Collection<ConnectionSchema> types) {
    StringBuilder page =
        new StringBuilder(
            """
        # Connection settings

        Generated from the connectors' connection records (`@ConnectionType`); do not edit by hand. A test compares
        this page with the code and, when they differ, writes the new page to
        `engine/target/generated-docs/connections.md` and says how to copy it here.

        Settings are saved as `settings`, credentials as `credentials` (encrypted, never shown again): see
        `PUT /api/connections/{name}` and `GET /api/connection-types`.
        """);
    types.stream()
        .sorted(Comparator.comparing(ConnectionSchema::type))
        .forEach(type -> table(page, type));
    return page.toString();
  }

  private static void table(StringBuilder page, ConnectionSchema type) {
    page.append("\n## `").append(type.type()).append("`\n\n");
    if (!type.signIns().isEmpty()) {
      page.append("Sign in with one of: ")
          .append(type.signIns().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
          .append(" (fill in every credential of that method).\n\n");
    }
    page.append("| field | kept in | label | type | required | default | description |\n");
    page.append("|---|---|---|---|---|---|---|\n");
    for (ConnectionSchema.Field field : type.fields()) {
      page.append("| `")
          .append(field.name())
          .append("` | ")
          .append(field.group())
          .append(field.secret() ? " (secret)" : "")
          .append(" | ")
          .append(cell(field.label()))
          .append(" | ")
          .append(typeCell(field))
          .append(" | ")
          .append(required(field))
          .append(" | ")
          .append(field.defaultValue().isEmpty() ? "" : "`" + field.defaultValue() + "`")
          .append(" | ")
          .append(cell(field.description()))
          .append(" |\n");
    }
  }

  private static String typeCell(ConnectionSchema.Field field) {
    return field.choices().isEmpty()
        ? field.type()
        : field.type()
            + ": "
            + field.choices().stream()
                .map(choice -> "`" + choice.value() + "`")
                .collect(Collectors.joining(", "));
  }

  private static String required(ConnectionSchema.Field field) {
    if (!field.required()) {
      return "";
    }
    return field.signIn().isEmpty() ? "yes" : "for `" + field.signIn() + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
