// Set-up and checks on runs and flows through the API (with the admin token), shared by the scenario files.
import { eventually } from './checks.mjs';

/** Waits until the run has the status; answers its detail. */
export function awaitRunStatus(api, runId, status, timeoutMs = 90_000) {
  return eventually(async () => {
    const detail = await api('GET', `/api/runs/${runId}`);
    return detail.run.status === status ? detail : null;
  }, { what: `run ${runId} to be ${status}`, timeoutMs });
}

/** The base URL of the Plex sandbox the runtime started, from its `plex-sandbox` connection. */
export async function plexSandboxUrl(api) {
  const connections = await api('GET', '/api/connections');
  return connections.find((c) => c.name === 'plex-sandbox').settings.baseUrl;
}

/** Deploys a copy of a deployed flow under a new id, with `edit` applied to its BPMN. */
export async function deployCopy(api, fromId, toId, edit = (xml) => xml) {
  return api('POST', '/api/flows', edit(await copyOfFlow(api, fromId, toId)));
}

/** A deployed flow's BPMN under another process id (a copy to change freely in a scenario). */
export async function copyOfFlow(api, flowId, newId) {
  const bpmn = await api('GET', `/api/flows/${flowId}/bpmn`, undefined, { Accept: 'application/xml' });
  return bpmn
    .replace(new RegExp(`(<bpmn:process[^>]*\\sid=")${flowId}"`), `$1${newId}"`)
    .replace(`bpmnElement="${flowId}"`, `bpmnElement="${newId}"`);
}

/** A flow that a timer start event starts on `cycle` (an ISO 8601 repetition, e.g. `R/PT24H`) and that ends at once. */
export function timerStartedFlow(id, name, cycle) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="D_${id}" targetNamespace="http://millflow.io/e2e">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Timer"><bpmn:outgoing>F1</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Timer" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}
