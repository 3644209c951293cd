package io.millflow.step.template;

import io.millflow.step.StepDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The element templates of a set of steps, one file per step named {@code <step id>.json}, and how
 * they compare with a folder of committed templates. The engine's drift test fails on any {@link
 * TemplateDrift} and can rewrite the folder with {@link #writeTo(Path)}, so the designer never
 * shows fields the code does not have.
 */
public final class ElementTemplates {

  // Step ids become file names: keep them to characters that cannot leave the folder or break on
  // any file system.
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String SUFFIX = ".json";

  private final SortedMap<String, String> files;

  /**
   * Generates the templates of the given steps; two steps with the same id are a mistake and
   * rejected.
   */
  public ElementTemplates(Collection<StepDescriptor> steps) {
    ElementTemplateGenerator generator = new ElementTemplateGenerator();
    SortedMap<String, String> generated = new TreeMap<>();
    for (StepDescriptor step : steps) {
      if (!SAFE_ID.matcher(step.id()).matches()) {
        throw new IllegalArgumentException(
            "Step id '" + step.id() + "' cannot name a template file");
      }
      if (generated.putIfAbsent(step.id() + SUFFIX, generator.render(step)) != null) {
        throw new IllegalArgumentException("Two steps declare the id '" + step.id() + "'");
      }
    }
    this.files = Collections.unmodifiableSortedMap(generated);
  }

  /** File name to JSON text, sorted by file name. */
  public SortedMap<String, String> files() {
    return files;
  }

  /**
   * What differs between the folder and the generated set, sorted by file name; empty when they
   * match. Only {@code *.json} files directly in the folder count; a missing folder means every
   * template is missing.
   */
  public List<TemplateDrift> compareWith(Path folder) throws IOException {
    Map<String, String> committed = readTemplates(folder);
    List<TemplateDrift> drifts = new ArrayList<>();
    files.forEach(
        (file, json) -> {
          String existing = committed.get(file);
          if (existing == null) {
            drifts.add(new TemplateDrift(file, TemplateDrift.Kind.MISSING));
          } else if (!normalized(existing).equals(json)) {
            drifts.add(new TemplateDrift(file, TemplateDrift.Kind.CHANGED));
          }
        });
    committed.keySet().stream()
        .filter(file -> !files.containsKey(file))
        .forEach(file -> drifts.add(new TemplateDrift(file, TemplateDrift.Kind.EXTRA)));
    drifts.sort(Comparator.comparing(TemplateDrift::file));
    return drifts;
  }

  /**
   * Makes the folder match the generated set: writes missing and changed templates, deletes
   * templates no step generates, leaves matching files untouched. Returns what it changed.
   */
  public List<TemplateDrift> writeTo(Path folder) throws IOException {
    List<TemplateDrift> drifts = compareWith(folder);
    Files.createDirectories(folder);
    for (TemplateDrift drift : drifts) {
      Path file = folder.resolve(drift.file());
      switch (drift.kind()) {
        case MISSING, CHANGED ->
            Files.writeString(file, files.get(drift.file()), StandardCharsets.UTF_8);
        case EXTRA -> Files.delete(file);
      }
    }
    return drifts;
  }

  private static Map<String, String> readTemplates(Path folder) throws IOException {
    Map<String, String> templates = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return templates;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
          templates.put(name, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return templates;
  }

  // A checkout with Windows line ends (git autocrlf) holds the same template; only content counts.
  private static String normalized(String json) {
    return json.replace("\r\n", "\n");
  }
}
