import { describe, expect, test } from 'vitest';
import { changesOnly, diffCounts, lineDiff } from './versionDiff.js';

const v1 = `<bpmn:process id="orders">
  <bpmn:serviceTask id="Read" name="Read orders">
    <zeebe:input source="plex-sandbx" target="connection" />
  </bpmn:serviceTask>
</bpmn:process>`;
const v2 = `<bpmn:process id="orders">
    <bpmn:serviceTask id="Read" name="Read orders">
    <zeebe:input source="plex-sandbox" target="connection" />
  </bpmn:serviceTask>
  <bpmn:endEvent id="End" />
</bpmn:process>`;

describe('version diff', () => {
  test('a changed line shows as removed then added, a new line as added, re-indented lines as unchanged', () => {
    const diff = lineDiff(v1, v2);
    expect(diff.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: '<zeebe:input source="plex-sandbx" target="connection" />' },
      { kind: 'added', text: '<zeebe:input source="plex-sandbox" target="connection" />' },
      { kind: 'added', text: '<bpmn:endEvent id="End" />' }
    ]);
    expect(diffCounts(diff)).toEqual({ added: 2, removed: 1 });
  });

  test('identical versions have no changes', () => {
    expect(diffCounts(lineDiff(v1, v1))).toEqual({ added: 0, removed: 0 });
  });

  test('unchanged lines far from a change are folded into a count', () => {
    const before = Array.from({ length: 20 }, (_, i) => `<line n="${i}" />`).join('\n');
    const after = before.replace('<line n="10" />', '<line n="10" changed="yes" />');
    const shown = changesOnly(lineDiff(before, after), 1);
    expect(shown[0]).toEqual({ kind: 'skipped', count: 9 });
    expect(shown.filter((line) => line.kind === 'removed' || line.kind === 'added')).toHaveLength(2);
    expect(shown.at(-1)).toEqual({ kind: 'skipped', count: 8 });
  });
});
