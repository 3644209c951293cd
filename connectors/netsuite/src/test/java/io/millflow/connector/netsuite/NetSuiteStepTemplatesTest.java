package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplateGenerator;
import java.util.List;
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
}
