import { describe, expect, it } from 'vitest';
import { rejectionAnswer, routeVerdict, shownPayload } from './deliveries.js';

describe('routeVerdict', () => {
  it('names the run a matching route started', () => {
    expect(routeVerdict({ matched: true, started: '0d9f2c1a-1111-2222-3333-444455556666' }))
      .toEqual({ matched: true, text: 'matched: started run 0d9f2c1a' });
  });

  it('names the message a matching route published', () => {
    expect(routeVerdict({ matched: true, started: 'message:machine-alert' }).text).toBe('matched: published message:machine-alert');
  });

  it('says a matching route whose action failed did not start anything', () => {
    expect(routeVerdict({ matched: true, started: null }).text).toContain('action failed');
  });

  it('says why a matching route started nothing when the server gave a reason (its flow is disabled)', () => {
    expect(routeVerdict({ matched: true, started: null, reason: "matched, but flow 'x' is disabled" }).text)
      .toBe("matched, but flow 'x' is disabled");
  });

  it('gives the reason a route did not match, or that its condition was false', () => {
    expect(routeVerdict({ matched: false, reason: 'gave order, not true or false' }).text)
      .toBe('no match: gave order, not true or false');
    expect(routeVerdict({ matched: false, reason: null }).text).toBe('no match: the condition was false');
  });
});

describe('rejectionAnswer', () => {
  it('names the answers a trigger refuses with, and shows others as their code', () => {
    expect(rejectionAnswer(401)).toBe('401 Unauthorized');
    expect(rejectionAnswer(503)).toBe('503 Paused');
    expect(rejectionAnswer(418)).toBe('418');
  });
});

describe('shownPayload', () => {
  it('pretty-prints a JSON payload', () => {
    expect(shownPayload({ payload: '{"a":1}', payloadBytes: 7, payloadTruncated: false }))
      .toEqual({ text: '{\n  "a": 1\n}', note: null });
  });

  it('shows a cut payload as received, saying how much of it is shown', () => {
    const shown = shownPayload({ payload: '{"a":', payloadBytes: 100000, payloadTruncated: true });
    expect(shown.text).toBe('{"a":');
    expect(shown.note).toBe('Showing the first 5 characters of 100000 bytes.');
  });
});
