package io.millflow.engine.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How the API reads JSON: a field it does not know is an error (a typo must not be silently
 * dropped), a number is not taken for text or the reverse, a body nests at most {@link #MAX_DEPTH}
 * levels, and every string is checked for control characters and length ({@link TextInputs}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  public static final int MAX_DEPTH = 64;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
        .setCoercion(
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
        .setCoercion(
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    mapper.registerModule(TextInputs.module());
    mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }
}
