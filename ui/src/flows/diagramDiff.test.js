import { readFileSync } from 'node:fs';
// eslint-disable-next-line import/no-unresolved -- bpmn-moddle declares only "exports", which the lint's resolver skips
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { describe, expect, test } from 'vitest';
import { changeCounts, changeText, diagramChanges, markersOf, typeName } from './diagramDiff.js';

// a shipped flow, as the designer deploys it
const FLOW = readFileSync(new URL('../../../flow-definitions/flows/plex-po-to-csv.bpmn', import.meta.url), 'utf8');

const parse = (xml) => new BpmnModdle({ zeebe }).fromXML(xml);
const changesOf = async (before, after) => diagramChanges(await parse(before), await parse(after));

/** The flow with a task inserted between the transform and the write, as a user would add it. */
function withFilterStep(xml) {
  return xml
    .replace('<bpmn:outgoing>Flow_ToWrite</bpmn:outgoing>', '<bpmn:outgoing>Flow_ToFilter</bpmn:outgoing>')
    .replace('<bpmn:sequenceFlow id="Flow_ToWrite" sourceRef="ToUnified"', '<bpmn:sequenceFlow id="Flow_ToWrite" sourceRef="Filter"')
    .replace('</bpmn:process>', `<bpmn:serviceTask id="Filter" name="Keep open orders">
        <bpmn:incoming>Flow_ToFilter</bpmn:incoming><bpmn:outgoing>Flow_ToWrite</bpmn:outgoing></bpmn:serviceTask>
      <bpmn:sequenceFlow id="Flow_ToFilter" sourceRef="ToUnified" targetRef="Filter" />
    </bpmn:process>`);
}

describe('diagram diff', () => {
  test('the same flow has no changes', async () => {
    expect(await changesOf(FLOW, FLOW)).toEqual([]);
  });

  test('a changed input and a renamed task are listed with what changed, from the old value to the new', async () => {
    const after = FLOW
      .replace('<zeebe:input source="plex-sandbox" target="connection" />', '<zeebe:input source="plex-eu" target="connection" />')
      .replace('name="Write a CSV file"', 'name="Write the CSV"');

    const changes = await changesOf(FLOW, after);

    expect(changes.map((c) => [c.kind, c.id])).toEqual([['changed', 'ReadOrders'], ['changed', 'WriteOrders']]);
    expect(changes[0].details).toEqual([{ setting: 'input connection', from: 'plex-sandbox', to: 'plex-eu' }]);
    expect(changes[1].details).toEqual([{ setting: 'name', from: 'Write a CSV file', to: 'Write the CSV' }]);
    expect(changeText(changes[0])).toBe(
      'Changed: Read Plex purchase orders (service task ReadOrders): input connection "plex-sandbox" → "plex-eu"');
  });

  test('an added task and its flow are added, the rewired flow changed; removing it again is the reverse', async () => {
    const after = withFilterStep(FLOW);

    const added = await changesOf(FLOW, after);
    const removed = await changesOf(after, FLOW);

    expect(changeCounts(added)).toMatchObject({ added: 2, removed: 0 });
    expect(added.filter((c) => c.kind === 'added').map((c) => c.id).sort()).toEqual(['Filter', 'Flow_ToFilter']);
    expect(added.find((c) => c.id === 'Filter')).toMatchObject({ type: 'service task', name: 'Keep open orders' });
    expect(changeCounts(removed)).toMatchObject({ added: 0, removed: 2 });
    expect(removed.filter((c) => c.kind === 'removed').map((c) => c.id).sort()).toEqual(['Filter', 'Flow_ToFilter']);
  });

  test('a task only moved on the canvas is listed as moved', async () => {
    const shape = /(<bpmndi:BPMNShape id="[^"]*" bpmnElement="ToUnified"[^>]*>\s*<dc:Bounds x=")(\d+)/;
    expect(FLOW).toMatch(shape);
    const after = FLOW.replace(shape, (_, head, x) => `${head}${Number(x) + 40}`);

    const changes = await changesOf(FLOW, after);

    expect(changes.map((c) => [c.kind, c.id])).toContainEqual(['moved', 'ToUnified']);
    expect(changes.filter((c) => c.kind !== 'moved')).toEqual([]);
  });

  test('removed elements are marked on the old diagram, added on the new, changed on both', () => {
    const markers = markersOf([
      { id: 'A', kind: 'added' }, { id: 'R', kind: 'removed' }, { id: 'C', kind: 'changed' }, { id: 'M', kind: 'moved' }
    ]);
    expect(markers.before).toEqual([['R', 'mf-diff-removed'], ['C', 'mf-diff-changed'], ['M', 'mf-diff-moved']]);
    expect(markers.after).toEqual([['A', 'mf-diff-added'], ['C', 'mf-diff-changed'], ['M', 'mf-diff-moved']]);
  });

  test('element types read as words', () => {
    expect(typeName('bpmn:ServiceTask')).toBe('service task');
    expect(typeName('bpmn:SequenceFlow')).toBe('sequence flow');
    expect(typeName(undefined)).toBe('element');
  });
});
