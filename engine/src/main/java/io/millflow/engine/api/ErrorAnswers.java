package io.millflow.engine.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error answer of the API has one shape, {@link ApiError}; the contract says so once: the
 * schema {@code ApiError}, the response {@code Error} with it, and a {@code 4XX} answer of every
 * operation that does not document its own. The schema is written here because no operation returns
 * the record as such (the exception mappers do); the recorded answers of the test suite are checked
 * against it, so it cannot drift from what the mappers send.
 */
final class ErrorAnswers implements OASFilter {

  static final String SCHEMA = "ApiError";
  static final String RESPONSE = "Error";

  @Override
  public void filterOpenAPI(OpenAPI contract) {
    if (contract.getComponents() == null) {
      contract.setComponents(OASFactory.createComponents());
    }
    contract.getComponents().addSchema(SCHEMA, schema());
    contract
        .getComponents()
        .addResponse(
            RESPONSE,
            OASFactory.createAPIResponse()
                .description(
                    "An error: a code, a sentence a person can act on, the field it is about where"
                        + " one is, and the problems per BPMN element")
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            "application/json",
                            OASFactory.createMediaType()
                                .schema(
                                    OASFactory.createSchema()
                                        .ref("#/components/schemas/" + SCHEMA)))));
    if (contract.getPaths() == null) {
      return;
    }
    contract
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            path ->
                path.getOperations()
                    .values()
                    .forEach(
                        operation -> {
                          if (operation.getResponses() != null
                              && !operation.getResponses().hasAPIResponse("4XX")) {
                            operation.getResponses().addAPIResponse("4XX", errorReference());
                          }
                        }));
  }

  private static APIResponse errorReference() {
    return OASFactory.createAPIResponse().ref("#/components/responses/" + RESPONSE);
  }

  private static Schema schema() {
    Schema problem =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .required(List.of("reason"))
            .properties(
                new TreeMap<>(
                    Map.of(
                        "elementId",
                        OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)),
                        "reason",
                        text())));
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .required(List.of("error", "message", "problems"))
        .properties(
            new TreeMap<>(
                Map.of(
                    "error", text(),
                    "message", text(),
                    "field", text(),
                    "problems",
                        OASFactory.createSchema().addType(SchemaType.ARRAY).items(problem))));
  }

  private static Schema text() {
    return OASFactory.createSchema().addType(SchemaType.STRING);
  }
}
