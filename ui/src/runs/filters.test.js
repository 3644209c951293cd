import { describe, expect, it } from 'vitest';
import { runsQuery, sinceFor, starterChoices } from './filters.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('run filters', () => {
  it('turns a period into the instant it starts', () => {
    expect(sinceFor('1h', NOW)).toBe('2026-03-10T11:00:00.000Z');
    expect(sinceFor('7d', NOW)).toBe('2026-03-03T12:00:00.000Z');
    expect(sinceFor('', NOW)).toBeNull();
    expect(sinceFor('soon', NOW)).toBeNull();
  });

  it('sends only the filters that are set, and no status the API does not know', () => {
    expect(runsQuery({ flow: 'a', status: 'incident', period: '24h' }, NOW))
      .toEqual({ limit: 100, flow: 'a', status: 'incident', since: '2026-03-09T12:00:00.000Z' });
    expect(runsQuery({ flow: '', status: 'weird', period: '' }, NOW)).toEqual({ limit: 100 });
  });

  it('sends the search and the page window', () => {
    expect(runsQuery({ q: '  plex-wrong-key ', status: 'cancelled' }, NOW, { limit: 50, offset: 100 }))
      .toEqual({ limit: 50, offset: 100, q: 'plex-wrong-key', status: 'cancelled' });
  });

  it('sends who started the runs as the API records it', () => {
    expect(runsQuery({ startedBy: 'trigger:po-hook' }, NOW)).toEqual({ limit: 100, startedBy: 'trigger:po-hook' });
  });

  it('offers each trigger and the engine\'s starts as starters, anyone first', () => {
    expect(starterChoices([{ name: 'po-hook' }])).toEqual([
      ['', 'Anyone'], ['trigger:po-hook', 'Trigger po-hook'], ['engine', 'A schedule or message']]);
    expect(starterChoices(undefined).map(([value]) => value)).toEqual(['', 'engine']);
  });
});
