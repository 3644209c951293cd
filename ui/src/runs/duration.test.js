import { describe, expect, it } from 'vitest';
import { durationEnd, runDuration } from './duration.js';

const started = '2026-03-01T10:00:00Z';
const LATER = Date.parse('2026-03-01T12:00:00Z');

describe('run duration', () => {
  it('stops at the incident of a run waiting there, however late it is now', () => {
    const run = { status: 'incident', startedAt: started, incidentAt: '2026-03-01T10:00:04.200Z', endedAt: null };
    expect(durationEnd(run)).toBe('2026-03-01T10:00:04.200Z');
    expect(runDuration(run, LATER)).toBe('4.2 s to the incident');
  });

  it('counts on while a run runs, and a retried run no longer stops at its old incident', () => {
    const running = { status: 'running', startedAt: started, incidentAt: null, endedAt: null };
    expect(durationEnd(running)).toBeNull();
    expect(runDuration(running, Date.parse('2026-03-01T10:03:05Z'))).toBe('3 min 5 s');
    const stale = { ...running, incidentAt: '2026-03-01T10:00:01Z' };
    expect(durationEnd(stale)).toBeNull();
  });

  it('ends when an ended run ended, even one cancelled at its incident', () => {
    const cancelled = { status: 'cancelled', startedAt: started, incidentAt: '2026-03-01T10:00:01Z', endedAt: '2026-03-01T10:00:09Z' };
    expect(runDuration(cancelled, LATER)).toBe('9.0 s');
  });

  it('falls back to counting on for a run at an incident the API gave no time for', () => {
    const old = { status: 'incident', startedAt: started, endedAt: null };
    expect(runDuration(old, Date.parse('2026-03-01T10:00:02Z'))).toBe('2.0 s');
  });
});
