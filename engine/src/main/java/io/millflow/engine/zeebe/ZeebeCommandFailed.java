package io.millflow.engine.zeebe;

import io.camunda.client.api.command.ClientException;

/**
 * Zeebe refused or did not answer a job command (complete, fail, throw error): the job timed out
 * and went to another worker, or the gateway is gone. Kept apart from step failures so a refused
 * completion is never reported as a bug in the step.
 */
final class ZeebeCommandFailed extends RuntimeException {

  private ZeebeCommandFailed(ClientException cause) {
    super(cause.getMessage(), cause);
  }

  static void guard(Runnable command) {
    try {
      command.run();
    } catch (ClientException e) {
      throw new ZeebeCommandFailed(e);
    }
  }
}
