package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplateGenerator;
import io.millflow.step.template.ElementTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The steps' annotations make element templates the designer can use: every input, the cursor
 * marked.
 */
class NetSuiteStepTemplatesTest {

  @Test
  void generatesATemplateForEveryStepWithItsInputs() {
    ElementTemplateGenerator generator = new ElementTemplateGenerator();

    List<ObjectNode> templates =
        List.of(
                new NetSuitePurchaseOrdersRead(),
                new NetSuiteVendorsRead(),
                new NetSuiteInventoryItemsRead(),
                new NetSuiteRecordGet())
            .stream()
            .map(step -> generator.generate(StepDescriptor.of(step)))
            .toList();

    assertThat(templates)
        .extracting(template -> template.toString())
        .allSatisfy(json -> assertThat(json).contains("connection"));
    assertThat(templates.get(0).toString())
        .contains("netsuite.purchase-orders.read", "modifiedSince", "pageSize");
    assertThat(templates.get(3).toString())
        .contains("netsuite.record.get", "recordType", "inventoryItem");
  }

  /**
   * The write steps' templates in flow-definitions/element-templates are what these steps generate
   * (the engine's ElementTemplatesTest checks every step; this one runs without the engine). A
   * drift leaves the generated ones in target/element-templates-netsuite-writes to copy over.
   */
  @Test
  void committedTemplatesOfTheWriteStepsMatchTheSteps() throws IOException {
    Path generated = Path.of("target/element-templates-netsuite-writes");
    Path committed = Path.of("../../flow-definitions/element-templates");
    new ElementTemplates(
            List.of(
                StepDescriptor.of(new NetSuiteVendorUpsert()),
                StepDescriptor.of(new NetSuiteInventoryItemUpsert()),
                StepDescriptor.of(new NetSuitePurchaseOrderCreate()),
                StepDescriptor.of(new NetSuitePurchaseOrderUpdate()),
                StepDescriptor.of(new NetSuiteItemReceiptFromPurchaseOrder())))
        .writeTo(generated);

    try (Stream<Path> files = Files.list(generated)) {
      assertThat(files.toList())
          .hasSize(5)
          .allSatisfy(
              file ->
                  assertThat(committed.resolve(file.getFileName())).hasSameTextualContentAs(file));
    }
  }
}
