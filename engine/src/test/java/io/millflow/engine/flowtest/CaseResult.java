package io.millflow.engine.flowtest;

import java.time.Duration;
import java.util.List;

/**
 * How one case went: passed (no mismatches, no error), failed (mismatches), or in error (it could
 * not be run: a format error, a refused deploy, a run that never ended).
 */
record CaseResult(
    String file, String name, Duration took, List<Mismatch> mismatches, String error) {

  boolean passed() {
    return mismatches.isEmpty() && error == null;
  }
}
