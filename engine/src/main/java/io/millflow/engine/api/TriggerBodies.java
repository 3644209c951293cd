package io.millflow.engine.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.millflow.engine.trigger.RouteRefused;
import io.millflow.engine.trigger.RouteTargets;
import io.millflow.engine.trigger.TriggerDefinition;
import io.millflow.engine.trigger.TriggerFeel;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A trigger's JSON body, as {@code POST /api/triggers} and {@code PUT /api/triggers/{id}} take it,
 * read into a {@link TriggerDefinition} and checked: unknown fields, values, FEEL and route targets
 * are refused with a 400 that names the field.
 */
@Singleton
public class TriggerBodies {

  /** Step-library JSON, but refusing fields a trigger does not have. */
  private static final ObjectMapper STRICT =
      Json.mapper()
          .copy()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerModule(TextInputs.module());

  private static final Set<String> FIELDS =
      Arrays.stream(TriggerDefinition.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toCollection(TreeSet::new));

  private final TriggerFeel feel;
  private final RouteTargets targets;

  public TriggerBodies(TriggerFeel feel, RouteTargets targets) {
    this.feel = feel;
    this.targets = targets;
  }

  /** The definition the body gives, once its FEEL parses and its routes' flows exist. */
  TriggerDefinition definition(String tenantId, Map<String, Object> body) {
    TriggerDefinition definition = read(body == null ? Map.of() : body);
    try {
      feel.check(definition);
      targets.check(tenantId, definition.routes());
    } catch (RouteRefused e) {
      throw new FieldRefused(e.field(), "Invalid trigger: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Invalid trigger: " + e.getMessage());
    }
    return definition;
  }

  private static TriggerDefinition read(Map<String, Object> body) {
    body.keySet().stream()
        .filter(field -> !FIELDS.contains(field))
        .findFirst()
        .ifPresent(
            field -> {
              throw new FieldRefused(
                  field,
                  "Invalid trigger: unknown field '"
                      + field
                      + "': remove it; known fields: "
                      + String.join(", ", FIELDS));
            });
    try {
      return STRICT.convertValue(body, TriggerDefinition.class);
    } catch (IllegalArgumentException e) {
      throw refusal(e);
    }
  }

  private static RuntimeException refusal(IllegalArgumentException e) {
    if (e.getCause() instanceof TextInputs.Refused refused) {
      return new BadRequestException("Invalid trigger: " + JsonProblems.unreadable(refused));
    }
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return new FieldRefused(
          JsonProblems.path(unknown),
          "Invalid trigger: unknown field '"
              + JsonProblems.path(unknown)
              + "': remove it"
              + JsonProblems.known(unknown));
    }
    if (e.getCause() instanceof MismatchedInputException mismatch) {
      return new FieldRefused(
          JsonProblems.field(mismatch), "Invalid trigger: " + JsonProblems.mismatch(mismatch));
    }
    Throwable cause =
        e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e;
    return new BadRequestException(
        "Invalid trigger: " + JsonProblems.withoutJavaNames(cause.getMessage().split("\n")[0]));
  }
}
