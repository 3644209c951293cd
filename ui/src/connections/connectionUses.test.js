import { describe, expect, it } from 'vitest';
import { usesByFlow } from './connectionUses.js';

describe('usesByFlow', () => {
  it('lists each flow once with its tasks, by name, the tasks named by their element name or id', () => {
    const { known, unknown } = usesByFlow([
      { flowId: 'b', flowName: 'Vendors', elementId: 'W1', elementName: 'Write vendors', known: true },
      { flowId: 'a', flowName: 'Orders', elementId: 'W2', elementName: null, known: true },
      { flowId: 'b', flowName: 'Vendors', elementId: 'W3', elementName: 'Write items', known: true }
    ]);
    expect(known.map((flow) => flow.flowName)).toEqual(['Orders', 'Vendors']);
    expect(known[0].tasks).toEqual([{ elementId: 'W2', name: 'W2', expression: null }]);
    expect(known[1].tasks.map((task) => task.name)).toEqual(['Write vendors', 'Write items']);
    expect(unknown).toEqual([]);
  });

  it('keeps the tasks that choose their connection by FEEL apart, with their expression', () => {
    const { known, unknown } = usesByFlow([
      { flowId: 'c', flowName: null, elementId: 'T', elementName: 'Pick', known: false, expression: '=site.db' }
    ]);
    expect(known).toEqual([]);
    expect(unknown).toEqual([{ flowId: 'c', flowName: 'c', tasks: [{ elementId: 'T', name: 'Pick', expression: '=site.db' }] }]);
  });
});
