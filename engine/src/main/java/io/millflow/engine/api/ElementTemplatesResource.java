package io.millflow.engine.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.millflow.engine.catalog.StepCatalog;
import io.millflow.step.Json;
import io.millflow.step.template.ElementTemplateGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The Camunda 8 element templates of every step, generated from the steps' annotations; the
 * designer loads these.
 */
@Path("/api/element-templates")
@io.millflow.engine.access.Access(io.millflow.engine.access.Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public class ElementTemplatesResource {

  private final ArrayNode templates;

  public ElementTemplatesResource(StepCatalog steps) {
    ElementTemplateGenerator generator = new ElementTemplateGenerator();
    this.templates = Json.mapper().createArrayNode();
    steps.all().forEach(step -> templates.add(generator.generate(step)));
  }

  @GET
  public ArrayNode list() {
    return templates;
  }
}
