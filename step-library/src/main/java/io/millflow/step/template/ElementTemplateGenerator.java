package io.millflow.step.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepType;
import java.lang.reflect.RecordComponent;

/**
 * Generates the Camunda 8 element template of a step from its annotations, the single source of
 * what the designer shows: a service task whose job type is the step id, one {@code zeebe:input}
 * per input record component, the result variable as a task header the worker adapter reads, and
 * the retries of a fresh task.
 *
 * <p>The output is deterministic: the same step gives the same JSON, byte for byte, so generated
 * templates can be committed and compared (see {@link ElementTemplates}).
 */
public final class ElementTemplateGenerator {

  public static final String SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  /** The task header that names the process variable the worker stores the step's output under. */
  public static final String RESULT_VARIABLE_HEADER = "resultVariable";

  static final String INPUT_GROUP = "input";
  static final String OUTPUT_GROUP = "output";
  static final String RETRIES_GROUP = "retries";

  // A variable name the worker can complete the job with and FEEL can read without quoting.
  private static final String VARIABLE_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /** The template of one step. */
  public ObjectNode generate(StepDescriptor step) {
    StepType type = step.type();
    ObjectNode template = header(type);
    ArrayNode properties = template.putArray("properties");
    properties.add(taskType(type));
    for (RecordComponent component : inputComponents(step)) {
      properties.add(InputProperty.of(component, INPUT_GROUP));
    }
    properties.add(resultVariable(type));
    properties.add(retries(type));
    return template;
  }

  /** The template of one step as the JSON text to commit. */
  public String render(StepDescriptor step) {
    return TemplateJson.write(generate(step));
  }

  /**
   * The result variable a new task proposes: {@code postgres.write} writes to {@code
   * postgresWriteResult}.
   */
  public static String defaultResultVariable(String stepId) {
    return DisplayNames.camelCase(stepId) + "Result";
  }

  private static ObjectNode header(StepType type) {
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    template.put("$schema", SCHEMA);
    template.put("name", type.name());
    template.put("id", "io.millflow." + type.id());
    template.put("version", type.version());
    if (!type.description().isBlank()) {
      template.put("description", type.description());
    }
    template.putObject("category").put("id", "millflow").put("name", "Millflow");
    // The designer's palette groups steps by this; Camunda ignores metadata.
    template.putObject("metadata").put("group", type.group());
    template.putArray("appliesTo").add("bpmn:Task");
    template.putObject("elementType").put("value", "bpmn:ServiceTask");
    ArrayNode groups = template.putArray("groups");
    groups.addObject().put("id", INPUT_GROUP).put("label", "Input");
    groups.addObject().put("id", OUTPUT_GROUP).put("label", "Output");
    groups.addObject().put("id", RETRIES_GROUP).put("label", "Retries");
    return template;
  }

  private static RecordComponent[] inputComponents(StepDescriptor step) {
    Class<?> input = step.inputType();
    if (input == Void.class) {
      return new RecordComponent[0];
    }
    if (!input.isRecord()) {
      throw new IllegalArgumentException(
          "Step "
              + step.id()
              + " takes "
              + input.getName()
              + " as input; inputs must be records so their components become template fields");
    }
    return input.getRecordComponents();
  }

  private static ObjectNode taskType(StepType type) {
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property.put("type", "Hidden").put("value", type.id());
    property.putObject("binding").put("type", "zeebe:taskDefinition").put("property", "type");
    return property;
  }

  private static ObjectNode resultVariable(StepType type) {
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property
        .put("label", "Result variable")
        .put("description", "Process variable that receives the step's output")
        .put("group", OUTPUT_GROUP)
        .put("type", "String")
        .put("value", defaultResultVariable(type.id()));
    property
        .putObject("constraints")
        .put("notEmpty", true)
        .putObject("pattern")
        .put("value", VARIABLE_NAME)
        .put("message", "must be a variable name: letters, digits and _");
    property
        .putObject("binding")
        .put("type", "zeebe:taskHeader")
        .put("key", RESULT_VARIABLE_HEADER);
    return property;
  }

  private static ObjectNode retries(StepType type) {
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property
        .put("label", "Retries")
        .put(
            "description",
            "Attempts before an incident; retryable failures back off between attempts")
        .put("group", RETRIES_GROUP)
        .put("type", "String")
        .put("value", String.valueOf(type.retries()));
    property
        .putObject("constraints")
        .put("notEmpty", true)
        .putObject("pattern")
        .put("value", "^[0-9]+$")
        .put("message", "must be a whole number");
    property.putObject("binding").put("type", "zeebe:taskDefinition").put("property", "retries");
    return property;
  }
}
