package io.millflow.engine.operaton;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes a waiting loop; a wake-up given while the loop is busy is kept for its next wait. */
final class WakeSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition woken = lock.newCondition();
  private boolean pending;

  void wake() {
    lock.lock();
    try {
      pending = true;
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until woken or until {@code timeout} passed; true when woken. */
  boolean await(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!pending && nanos > 0) {
        nanos = woken.awaitNanos(nanos);
      }
      boolean wasWoken = pending;
      pending = false;
      return wasWoken;
    } finally {
      lock.unlock();
    }
  }
}
