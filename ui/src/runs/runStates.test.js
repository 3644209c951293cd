import { describe, expect, it } from 'vitest';
import { elementStates, graphOf, pathTaken, stepsByElement } from './runStates.js';

const attempt = (elementId, n, status, startedAt, extra = {}) => ({
  step: { elementId, attempt: n, status, startedAt, endedAt: status === 'running' ? null : startedAt, stepType: 't', ...extra },
  log: [],
  errorDetail: null
});

describe('element states', () => {
  it('colours each element by its latest attempt', () => {
    const states = elementStates([
      attempt('Read', 1, 'completed', '2026-01-01T00:00:00Z'),
      attempt('Write', 1, 'retrying', '2026-01-01T00:00:01Z'),
      attempt('Write', 2, 'failed', '2026-01-01T00:00:05Z'),
      attempt('Map', 1, 'running', '2026-01-01T00:00:02Z'),
      attempt('Mail', 1, 'error_thrown', '2026-01-01T00:00:03Z')
    ]);

    expect(Object.fromEntries(states)).toEqual({ Read: 'completed', Write: 'failed', Map: 'active', Mail: 'failed' });
  });

  it('groups attempts per element in the order the steps first started', () => {
    const rows = stepsByElement([
      attempt('Write', 2, 'completed', '2026-01-01T00:00:09Z', { recordsOut: 5 }),
      attempt('Read', 1, 'completed', '2026-01-01T00:00:00Z'),
      attempt('Write', 1, 'retrying', '2026-01-01T00:00:04Z')
    ]);

    expect(rows.map((row) => row.elementId)).toEqual(['Read', 'Write']);
    expect(rows[1].attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(rows[1].latest.recordsOut).toBe(5);
    expect(rows[1].state).toBe('completed');
  });
});

describe('path taken', () => {
  // Start → Read → Gateway → (Write → End) | (Skip → End2)
  const graph = graphOf([
    { id: 'Start', type: 'bpmn:StartEvent' },
    { id: 'Timer', type: 'bpmn:StartEvent' },
    { id: 'Read', type: 'bpmn:ServiceTask' },
    { id: 'Gw', type: 'bpmn:ExclusiveGateway' },
    { id: 'Write', type: 'bpmn:ServiceTask' },
    { id: 'Skip', type: 'bpmn:ServiceTask' },
    { id: 'End', type: 'bpmn:EndEvent' },
    { id: 'End2', type: 'bpmn:EndEvent' },
    { id: 'f1', type: 'bpmn:SequenceFlow', source: { id: 'Start' }, target: { id: 'Read' } },
    { id: 'f0', type: 'bpmn:SequenceFlow', source: { id: 'Timer' }, target: { id: 'Read' } },
    { id: 'f2', type: 'bpmn:SequenceFlow', source: { id: 'Read' }, target: { id: 'Gw' } },
    { id: 'f3', type: 'bpmn:SequenceFlow', source: { id: 'Gw' }, target: { id: 'Write' } },
    { id: 'f4', type: 'bpmn:SequenceFlow', source: { id: 'Gw' }, target: { id: 'Skip' } },
    { id: 'f5', type: 'bpmn:SequenceFlow', source: { id: 'Write' }, target: { id: 'End' } },
    { id: 'f6', type: 'bpmn:SequenceFlow', source: { id: 'Skip' }, target: { id: 'End2' } }
  ]);

  it('follows a completed run through the gateway to its end, and not down the branch it skipped', () => {
    const states = new Map([['Read', 'completed'], ['Write', 'completed']]);
    const { passed, taken } = pathTaken(graph, states, 'completed');

    expect([...passed].sort()).toEqual(['End', 'Gw', 'Read', 'Start', 'Timer', 'Write']);
    expect([...taken].sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f5']);
    expect(passed.has('Skip')).toBe(false);
    expect(passed.has('End2')).toBe(false);
  });

  it('stops at a failed step: nothing after it counts as taken', () => {
    const states = new Map([['Read', 'completed'], ['Write', 'failed']]);
    const { passed, taken } = pathTaken(graph, states, 'incident');

    expect(passed.has('Write')).toBe(true);
    expect(passed.has('End')).toBe(false);
    expect(taken.has('f3')).toBe(true);
    expect(taken.has('f5')).toBe(false);
  });

  it('lights nothing but the start while the first step has not begun', () => {
    const { passed, taken } = pathTaken(graph, new Map(), 'running');
    expect(passed.size).toBe(0);
    expect(taken.size).toBe(0);
  });
});
