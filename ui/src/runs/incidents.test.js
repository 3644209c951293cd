import { describe, expect, it } from 'vitest';
import { bulkOutcome, groupStep, retryAllLabel } from './incidents.js';

describe('incident groups', () => {
  it('names a group\'s step by its template, with the element id', () => {
    const templates = new Map([['plex.purchase-orders.read', 'Plex: read purchase orders']]);
    expect(groupStep({ elementId: 'ReadOrders', stepType: 'plex.purchase-orders.read' }, templates))
      .toBe('Plex: read purchase orders (ReadOrders)');
    expect(groupStep({ elementId: 'ReadOrders', stepType: 'unknown' }, templates)).toBe('ReadOrders');
    expect(groupStep({ elementId: null, stepType: null }, templates)).toBe('an unknown step');
  });

  it('says how many runs a retry-all retries, each on its own version', () => {
    expect(retryAllLabel({ runs: 12 })).toBe('Retry all 12 runs, each on its own version');
    expect(retryAllLabel({ runs: 1 })).toBe('Retry this run on its own version');
  });

  it('shows each run of a bulk retry: the version it goes on on, or why it was refused', () => {
    const shown = bulkOutcome({
      retried: 1, refused: 1,
      runs: [
        { runId: 'a', outcome: 'retried', flowVersion: 2, reason: null },
        { runId: 'b', outcome: 'refused', flowVersion: null, reason: 'Run b is cancelled: only a run at an incident can be retried.' }
      ]
    });
    expect(shown.summary).toBe('1 retried, 1 refused');
    expect(shown.lines).toEqual([
      { runId: 'a', retried: true, text: 'retried on v2' },
      { runId: 'b', retried: false, text: 'refused: Run b is cancelled: only a run at an incident can be retried.' }
    ]);
  });
});
