package io.millflow.engine.trigger;

import io.millflow.engine.input.TextInput;

/**
 * A route's other action: publish a Zeebe message (to a message start event or a waiting catch
 * event) with the correlation key a FEEL expression gives. The message id is the event id, so Zeebe
 * also drops a re-published one.
 */
public record MessageAction(
    @TextInput(TextInput.Kind.NAME) String name, String correlationKey, Integer timeToLiveSeconds) {

  public MessageAction {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "routes[].message.name is required: the BPMN message name");
    }
    correlationKey = correlationKey == null || correlationKey.isBlank() ? "\"\"" : correlationKey;
    timeToLiveSeconds = timeToLiveSeconds == null ? 3600 : timeToLiveSeconds;
  }
}
