package io.millflow.engine.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Zeebe does not tell a client when an instance ends, so every deployed process gets an end
 * execution listener, a job of type {@link #JOB_TYPE} that this handler takes and passes on to the
 * run history. It works the same on any cluster.
 */
final class RunEndListener implements JobHandler {

  static final String JOB_TYPE = "millflow.run-end";
  private static final Logger LOG = Logger.getLogger(RunEndListener.class);

  private final RunEndHandler runEnds;
  private final CamundaClient zeebe;

  RunEndListener(RunEndHandler runEnds, CamundaClient zeebe) {
    this.runEnds = runEnds;
    this.zeebe = zeebe;
  }

  /** The BPMN with the end listener added to its executable process (once). */
  static String addTo(String bpmnXml) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && !present(process)) {
        new ProcessBuilder(model, process).zeebeEndExecutionListener(JOB_TYPE);
      }
    }
    return Bpmn.convertToString(model);
  }

  private static boolean present(Process process) {
    return process.getChildElementsByType(ExtensionElements.class).stream()
        .flatMap(ext -> ext.getChildElementsByType(ZeebeExecutionListeners.class).stream())
        .flatMap(
            listeners -> listeners.getChildElementsByType(ZeebeExecutionListener.class).stream())
        .anyMatch(
            l ->
                l.getEventType() == ZeebeExecutionListenerEventType.end
                    && JOB_TYPE.equals(l.getType()));
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    AttemptOutcome outcome =
        runEnds.runEnded(job.getBpmnProcessId(), Long.toString(job.getProcessInstanceKey()));
    if (outcome instanceof AttemptOutcome.HandBack handBack) {
      try {
        zeebe.newUpdateTimeoutCommand(job.getKey()).timeout(handBack.after()).send().join();
      } catch (RuntimeException e) {
        LOG.warnf(
            "Could not shorten the timeout of run-end job %d (%s)", job.getKey(), e.getMessage());
      }
      return;
    }
    client.newCompleteCommand(job).send().join();
  }
}
