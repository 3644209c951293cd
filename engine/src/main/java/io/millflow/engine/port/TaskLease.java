package io.millflow.engine.port;

import java.time.Duration;

/** The hold of one attempt on its task; a long step that still makes progress extends it. */
@FunctionalInterface
public interface TaskLease {

  /** Keeps the task for {@code duration} from now. */
  void extend(Duration duration);
}
