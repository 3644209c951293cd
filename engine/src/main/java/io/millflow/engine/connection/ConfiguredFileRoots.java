package io.millflow.engine.connection;

import io.millflow.connector.file.FileRoots;
import io.millflow.engine.config.MillflowConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The file connections' roots as the admin configured them ({@code millflow.files.roots.<tenant>}),
 * or by default {@code <data-dir>/files/<tenant>}, created when first asked for.
 */
@Singleton
public class ConfiguredFileRoots implements FileRoots {

  private static final String TENANT = "[a-z0-9][a-z0-9-]{0,39}";

  private final Map<String, List<Path>> configured;
  private final Path filesDir;

  public ConfiguredFileRoots(MillflowConfig config) {
    this.configured = config.files().roots();
    this.filesDir = config.dataDir().toAbsolutePath().normalize().resolve("files");
  }

  @Override
  public List<Path> of(String tenantId) {
    List<Path> roots = configured.get(tenantId);
    if (roots != null && !roots.isEmpty()) {
      return roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }
    if (!tenantId.matches(TENANT)) {
      throw new IllegalStateException(
          "Tenant id '"
              + tenantId
              + "' cannot name a directory; configure its file roots"
              + " (millflow.files.roots."
              + tenantId
              + ")");
    }
    Path own = filesDir.resolve(tenantId);
    try {
      return List.of(Files.createDirectories(own));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the file connections' directory " + own, e);
    }
  }
}
