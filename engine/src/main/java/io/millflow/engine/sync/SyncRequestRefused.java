package io.millflow.engine.sync;

/**
 * A backfill or refresh that cannot run as asked; the message names the field or the task and what
 * to change.
 */
public class SyncRequestRefused extends RuntimeException {

  public SyncRequestRefused(String message) {
    super(message);
  }
}
