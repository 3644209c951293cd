// Copying a shipped flow (or a blank one) into a new flow with its own process id.

const FLOW_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A flow id from a name: lower-case words joined by '-', unique among `taken`. */
export function suggestFlowId(name, taken = []) {
  const base = (name || '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'flow';
  const start = /^[a-z_]/.test(base) ? base : `flow-${base}`;
  const existing = new Set(taken);
  if (!existing.has(start)) return start;
  for (let n = 2; ; n += 1) {
    if (!existing.has(`${start}-${n}`)) return `${start}-${n}`;
  }
}

/** Why `id` cannot be a new flow's id, or null when it can. */
export function flowIdProblem(id, taken = []) {
  if (!id || !id.trim()) return 'Enter an id for the flow: it names the flow in the API, in runs and in triggers.';
  if (!FLOW_ID.test(id)) return 'Use letters, digits, "-", "_" or "."; start with a letter or "_" (a BPMN process id).';
  if (id.length > 100) return 'Keep the id under 100 characters.';
  if (taken.includes(id)) return `A flow "${id}" exists already: choose another id, or open that flow to change it.`;
  return null;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The starter's BPMN with its process renamed: the process id (and what refers to it: the diagram plane, a
 * participant's processRef) becomes `toId`, the process name `name`. Nothing else changes.
 */
export function copyStarter(xml, { fromId, toId, name }) {
  const oldId = escapeRegExp(fromId);
  let copy = xml.replace(new RegExp(`(\\s(?:bpmnElement|processRef)=")${oldId}(")`, 'g'), `$1${toId}$2`);
  copy = copy.replace(new RegExp(`(<(?:bpmn2?:)?process\\b[^>]*?\\sid=")${oldId}(")`), `$1${toId}$2`);
  if (name) {
    const processTag = new RegExp(`<(?:bpmn2?:)?process\\b[^>]*?\\sid="${escapeRegExp(toId)}"[^>]*>`);
    copy = copy.replace(processTag, (tag) =>
      /\sname="[^"]*"/.test(tag) ? tag.replace(/\sname="[^"]*"/, ` name="${escapeXml(name)}"`)
        : tag.replace(/\sid="/, ` name="${escapeXml(name)}" id="`));
  }
  return copy;
}

/** The process id a BPMN document defines (the first executable process). */
export function processIdOf(xml) {
  const match = /<(?:bpmn2?:)?process\b[^>]*?\sid="([^"]+)"/.exec(xml || '');
  return match ? match[1] : null;
}

/** An empty Camunda 8 flow: one start event, ready for steps. */
export function blankFlow(id, name) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                  xmlns:modeler="http://camunda.org/schema/modeler/1.0"
                  id="Definitions_${id}" targetNamespace="http://millflow.io/flows"
                  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${id}" name="${escapeXml(name || id)}" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The process's documentation text (what a shipped flow does), or null. */
export function documentationOf(xml) {
  const process = /<(?:bpmn2?:)?process\b[\s\S]*?<\/(?:bpmn2?:)?process>/.exec(xml || '');
  const match = /<(?:bpmn2?:)?documentation[^>]*>([\s\S]*?)<\/(?:bpmn2?:)?documentation>/.exec(process ? process[0] : '');
  if (!match) return null;
  return match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&').trim() || null;
}
