package io.millflow.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The API writes a value it does not have as {@code null} (a run's {@code endedAt} while it runs),
 * so the contract says so: every property an object does not list as required may be null. A
 * referenced type becomes {@code anyOf: [the type, null]}.
 */
final class NullableUnlessRequired implements OASFilter {

  @Override
  public Schema filterSchema(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null || properties.isEmpty()) {
      return schema;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> nullable = new LinkedHashMap<>();
    properties.forEach(
        (name, property) ->
            nullable.put(name, required.contains(name) ? property : orNull(property)));
    schema.setProperties(nullable);
    return schema;
  }

  private static Schema orNull(Schema property) {
    if (property.getRef() != null) {
      return OASFactory.createSchema()
          .anyOf(List.of(property, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }
    if (property.getType() != null
        && !property.getType().isEmpty()
        && !property.getType().contains(Schema.SchemaType.NULL)) {
      property.addType(Schema.SchemaType.NULL);
    }
    return property;
  }
}
