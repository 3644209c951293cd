package io.millflow.engine.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Json;
import io.millflow.step.template.ConnectionDocs;
import io.millflow.step.template.ConnectionSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

/**
 * What is generated from the connection records the connectors on the engine's class path declare
 * (found in their Jandex indexes, as the runtime finds their beans) and committed: the docs'
 * settings tables (docs/connections.md) and the UI's copy of GET /api/connection-types its unit
 * tests generate the connect forms from. When one drifts, the new file is written under
 * engine/target/generated-docs, never into the source tree; copy it over to accept it.
 */
class ConnectionDocsTest {

  private static final Path GENERATED = Path.of("target", "generated-docs");

  @Test
  void theCommittedSettingsTablesAreWhatTheRecordsGenerate() throws IOException {
    String page = ConnectionDocs.markdown(schemas());

    assertCommitted(Path.of("..", "docs", "connections.md"), "connections.md", page);
  }

  @Test
  void theUisCopyOfTheConnectionTypesIsWhatTheApiAnswers() throws IOException {
    String json =
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schemas()) + "\n";

    assertCommitted(
        Path.of("..", "ui", "src", "connections", "connection-types.json"),
        "connection-types.json",
        json);
  }

  private static List<ConnectionSchema> schemas() throws IOException {
    List<ConnectionSchema> schemas = new ArrayList<>();
    for (Class<? extends Record> record : connectionRecords()) {
      schemas.add(ConnectionSchema.of(ConnectionKind.of(record)));
    }
    schemas.sort(Comparator.comparing(ConnectionSchema::type));
    assertThat(schemas)
        .extracting(ConnectionSchema::type)
        .contains(
            "file", "idhammar", "mongodb", "mysql", "netsuite", "plex", "postgres", "snowflake");
    return schemas;
  }

  private static void assertCommitted(Path committedFile, String name, String generated)
      throws IOException {
    String committed = Files.exists(committedFile) ? Files.readString(committedFile) : "";
    if (!committed.equals(generated)) {
      Files.createDirectories(GENERATED);
      Files.writeString(GENERATED.resolve(name), generated);
    }
    String source = committedFile.normalize().toString().replaceFirst("^\\.\\./", "");
    assertThat(committed)
        .as(
            source
                + " differs from what the connection records generate; the new file is"
                + " engine/target/generated-docs/"
                + name
                + ": review it, then run 'cp engine/target/generated-docs/"
                + name
                + " "
                + source
                + "'")
        .isEqualTo(generated);
  }

  @SuppressWarnings("unchecked")
  private static List<Class<? extends Record>> connectionRecords() throws IOException {
    List<Class<? extends Record>> records = new ArrayList<>();
    DotName annotation = DotName.createSimple(ConnectionType.class.getName());
    for (URL index :
        Collections.list(
            ConnectionDocsTest.class.getClassLoader().getResources("META-INF/jandex.idx"))) {
      try (InputStream in = index.openStream()) {
        for (AnnotationInstance found : new IndexReader(in).read().getAnnotations(annotation)) {
          String name = found.target().asClass().name().toString();
          try {
            records.add((Class<? extends Record>) Class.forName(name));
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Indexed but not loadable: " + name, e);
          }
        }
      }
    }
    return records;
  }
}
