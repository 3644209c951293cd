import { describe, expect, it } from 'vitest';
import { describeProblem, formatTook } from './CheckResult.jsx';

describe('a connection check result', () => {
  it('names each problem in plain words', () => {
    expect(describeProblem('AUTH_FAILED')).toBe('The credentials were refused.');
    expect(describeProblem('WRONG_CERTIFICATE_ID')).toMatch(/certificate id/);
    expect(describeProblem('SOMETHING_NEW')).toBe('The check failed.');
  });

  it('reads the time a check took as seconds or an ISO duration', () => {
    expect(formatTook(0.0036)).toBe('4 ms');
    expect(formatTook('PT0.25S')).toBe('250 ms');
    expect(formatTook('PT1M2.5S')).toBe('62.5 s');
  });
});
