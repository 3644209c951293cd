package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.port.FlowRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusedElementsTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  /** A flow with one element between start and end. */
  private static String around(String elementId, String element) {
    return process(
        "refused",
        "<bpmn:startEvent id=\"Start\" />"
            + element
            + "<bpmn:endEvent id=\"End\" />"
            + flow("F1", "Start", elementId)
            + flow("F2", elementId, "End"));
  }

  private OperatonEngine engine;

  private void assertRefused(String xml, String elementId, String what) {
    if (engine == null) {
      engine = fixture.engine("w1");
    }
    assertThatThrownBy(() -> engine.deploy("refused", xml))
        .isInstanceOf(FlowRefusedException.class)
        .hasMessageContaining(elementId)
        .satisfies(
            e ->
                assertThat(((FlowRefusedException) e).problems())
                    .anySatisfy(
                        problem -> {
                          assertThat(problem.elementId()).isEqualTo(elementId);
                          assertThat(problem.reason()).contains(what);
                        }));
    assertThat(
            EngineFixture.operaton("w1")
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .count())
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      user task            | <bpmn:userTask id="Approve"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=boss" /></bpmn:extensionElements></bpmn:userTask>  | a user task
      script task          | <bpmn:scriptTask id="Approve"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="x" /></bpmn:extensionElements></bpmn:scriptTask> | a script task
      business rule task   | <bpmn:businessRuleTask id="Approve" />                                                                                         | a business rule task
      send task            | <bpmn:sendTask id="Approve" />                                                                                                 | a send task
      FEEL called process  | <bpmn:callActivity id="Approve"><bpmn:extensionElements><zeebe:calledElement processId="=kind" /></bpmn:extensionElements></bpmn:callActivity> | a FEEL expression as the processId of a call activity
      signal throw         | <bpmn:intermediateThrowEvent id="Approve"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>                        | a signal event
      escalation throw     | <bpmn:intermediateThrowEvent id="Approve"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>                    | an escalation event
      service task, no type| <bpmn:serviceTask id="Approve" />                                                                                              | needs a zeebe:taskDefinition
      FEEL task type       | <bpmn:serviceTask id="Approve"><bpmn:extensionElements><zeebe:taskDefinition type="=kind" /></bpmn:extensionElements></bpmn:serviceTask> | a FEEL expression as task type
      completion condition | <bpmn:serviceTask id="Approve"><bpmn:extensionElements><zeebe:taskDefinition type="t" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements><bpmn:completionCondition>=done</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask> | the completionCondition of a multi-instance activity
      loop activity        | <bpmn:serviceTask id="Approve"><bpmn:extensionElements><zeebe:taskDefinition type="t" /></bpmn:extensionElements><bpmn:standardLoopCharacteristics /></bpmn:serviceTask> | a loop activity
      untranslated zeebe   | <bpmn:serviceTask id="Approve"><bpmn:extensionElements><zeebe:taskDefinition type="t" /><zeebe:executionListeners /></bpmn:extensionElements></bpmn:serviceTask> | zeebe:executionListeners
      Camunda 7 class      | <bpmn:serviceTask id="Approve" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:class="com.example.Evil" />          | the Camunda 7 attribute class
      FEEL timer           | <bpmn:intermediateCatchEvent id="Approve"><bpmn:timerEventDefinition><bpmn:timeDuration>=duration("PT1H")</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent> | a FEEL timer expression
      JUEL timer           | <bpmn:intermediateCatchEvent id="Approve"><bpmn:timerEventDefinition><bpmn:timeDuration>${later}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent> | an expression in a timer
      event-based gateway  | <bpmn:eventBasedGateway id="Approve" />                                                                                        | an event-based gateway
      """)
  void anElementTheEmbeddedEngineDoesNotTranslateIsRefusedByName(
      String what, String element, String reason) {
    assertRefused(around("Approve", element), "Approve", reason);
    assertRefused(around("Approve", element), "Approve", "the embedded engine");
  }

  @Test
  void aMessageCatchWithoutCorrelationKeyIsRefused() {
    String xml =
        TestFlows.definitions(
            """
        <bpmn:message id="Paid" name="paid" />
        <bpmn:process id="refused" isExecutable="true">
          <bpmn:startEvent id="Start" />
          <bpmn:intermediateCatchEvent id="WaitPaid"><bpmn:messageEventDefinition messageRef="Paid" /></bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="End" />
          %s
        </bpmn:process>"""
                .formatted(flow("F1", "Start", "WaitPaid") + flow("F2", "WaitPaid", "End")));
    assertRefused(xml, "WaitPaid", "correlationKey");
  }

  @Test
  void aBadFeelInputMappingFailsTheDeployNamingTheTask() {
    assertRefused(
        around(
            "Read",
            TestFlows.serviceTask(
                "Read",
                "read",
                "<zeebe:ioMapping><zeebe:input source=\"=orders[\" target=\"x\" /></zeebe:ioMapping>")),
        "Read",
        "does not parse");
  }
}
