package io.millflow.connector.file;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories one tenant's {@code file} connections may use, as an admin configured them: every
 * base directory must lie inside one of them (its real path, links followed), and a relative base
 * directory resolves under the first. The runtime provides them ({@code millflow.files.roots});
 * tests give a temporary directory.
 */
public interface FileRoots {

  /**
   * The tenant's roots, absolute, the first being where relative base directories resolve; never
   * empty.
   */
  List<Path> of(String tenantId);

  /** The same roots for every tenant (tests, single-tenant tools). */
  static FileRoots only(Path... roots) {
    List<Path> list = List.of(roots);
    return tenantId -> list;
  }
}
