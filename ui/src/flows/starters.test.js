import { describe, expect, it } from 'vitest';
import { blankFlow, copyStarter, documentationOf, flowIdProblem, processIdOf, suggestFlowId } from './starters.js';

const STARTER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_plex-po">
  <bpmn:process id="plex-po" name="Plex POs" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:serviceTask id="plex-po-read" name="Read plex-po" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="plex-po" />
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('copyStarter', () => {
  it('gives the copy a new process id and name and points the diagram at it', () => {
    const copy = copyStarter(STARTER, { fromId: 'plex-po', toId: 'my-po-sync', name: 'My PO sync' });

    expect(processIdOf(copy)).toBe('my-po-sync');
    expect(copy).toContain('<bpmn:process id="my-po-sync" name="My PO sync"');
    expect(copy).toContain('bpmnElement="my-po-sync"');
  });

  it('leaves element ids and texts that merely contain the old id alone', () => {
    const copy = copyStarter(STARTER, { fromId: 'plex-po', toId: 'copy', name: 'Copy' });

    expect(copy).toContain('id="plex-po-read" name="Read plex-po"');
    expect(copy).toContain('id="Definitions_plex-po"');
  });

  it('escapes a name with XML characters', () => {
    const copy = copyStarter(STARTER, { fromId: 'plex-po', toId: 'x', name: 'POs <fast> & "safe"' });

    expect(copy).toContain('name="POs &lt;fast&gt; &amp; &quot;safe&quot;"');
  });
});

describe('flow ids', () => {
  it('suggests an id from the name that no flow has yet', () => {
    expect(suggestFlowId('Plex POs → Warehouse')).toBe('plex-pos-warehouse');
    expect(suggestFlowId('Orders', ['orders', 'orders-2'])).toBe('orders-3');
    expect(suggestFlowId('42 things')).toBe('flow-42-things');
    expect(suggestFlowId('')).toBe('flow');
  });

  it('says why an id cannot be used', () => {
    expect(flowIdProblem('')).toMatch(/Enter an id/);
    expect(flowIdProblem('1abc')).toMatch(/start with a letter/);
    expect(flowIdProblem('has space')).toMatch(/letters, digits/);
    expect(flowIdProblem('taken', ['taken'])).toMatch(/exists already/);
    expect(flowIdProblem('fine-id_2.x')).toBeNull();
  });

  it('makes a blank flow whose process id is the one asked for', () => {
    expect(processIdOf(blankFlow('empty-one', 'Empty'))).toBe('empty-one');
  });
});

describe('documentationOf', () => {
  it("reads what a starter does from its process's documentation", () => {
    const xml = '<bpmn:process id="p"><bpmn:documentation>Reads POs &amp; lines, every 15 minutes.</bpmn:documentation>'
      + '<bpmn:task id="t"><bpmn:documentation>not this</bpmn:documentation></bpmn:task></bpmn:process>';
    expect(documentationOf(xml)).toBe('Reads POs & lines, every 15 minutes.');
    expect(documentationOf(STARTER)).toBeNull();
  });
});
