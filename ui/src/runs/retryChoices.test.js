import { describe, expect, test } from 'vitest';
import { retryChoices, retryRequest } from './retryChoices.js';

const run = { id: 'r-1', flowId: 'orders', flowVersion: 1, status: 'incident' };

describe('retry choices', () => {
  test('with a newer version deployed, retry on it is offered and the advice names both versions', () => {
    const { choices, advice, newer } = retryChoices(run, 3);
    expect(newer).toBe(true);
    expect(choices.map((c) => c.kind)).toEqual(['same', 'latest', 'new']);
    expect(choices[0].label).toBe('Retry failed steps on v1');
    expect(choices[1].label).toBe('Retry on the latest version, v3');
    expect(advice).toMatch(/without the changes of v3/);
  });

  test('on the latest version, no move is offered and the advice does not promise that a retry sees a flow fix', () => {
    const { choices, advice, newer } = retryChoices(run, 1);
    expect(newer).toBe(false);
    expect(choices.map((c) => c.kind)).toEqual(['same', 'new']);
    expect(advice).toMatch(/fix the cause outside the flow/);
    expect(advice).toMatch(/deploy the fix as a new version first/);
  });

  test('an unknown latest version counts as the run\'s own', () => {
    expect(retryChoices(run, null).newer).toBe(false);
  });

  test('each choice posts to its endpoint', () => {
    const [same, latest, fresh] = retryChoices(run, 2).choices;
    expect(retryRequest(run, same)).toEqual({ path: '/api/runs/r-1/retry?version=same' });
    expect(retryRequest(run, latest)).toEqual({ path: '/api/runs/r-1/retry?version=latest' });
    expect(retryRequest(run, fresh)).toEqual({ path: '/api/runs/r-1/restart' });
    expect(fresh.label).toBe('Start a new run of v2 with the same input');
  });

  test('an engine that cannot move runs keeps retry on the latest, disabled with its reason', () => {
    const engine = { retryOnLatest: { supported: false, reason: 'A Camunda 8 cluster cannot move a running instance' } };
    const { choices, advice } = retryChoices(run, 3, engine);
    expect(choices.map((c) => c.kind)).toEqual(['same', 'latest', 'new']);
    expect(choices[1].unavailable).toBe('A Camunda 8 cluster cannot move a running instance');
    expect(choices[0].unavailable).toBeUndefined();
    expect(advice).toMatch(/start a new run: this engine cannot move a run/);
    expect(retryChoices(run, 3, { retryOnLatest: { supported: true } }).choices[1].unavailable).toBeUndefined();
  });
});
