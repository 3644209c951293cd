import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, progressFraction } from './format.js';

describe('formatting', () => {
  it('writes durations in the unit a person reads at a glance', () => {
    const start = '2026-01-01T00:00:00Z';
    expect(formatDuration(start, '2026-01-01T00:00:00.850Z')).toBe('850 ms');
    expect(formatDuration(start, '2026-01-01T00:00:12.400Z')).toBe('12.4 s');
    expect(formatDuration(start, '2026-01-01T00:03:05Z')).toBe('3 min 5 s');
    expect(formatDuration(start, '2026-01-01T02:04:00Z')).toBe('2 h 4 min');
    expect(formatDuration(start, null, Date.parse('2026-01-01T00:00:02Z'))).toBe('2.0 s');
    expect(formatDuration(null, null)).toBe('');
  });

  it('shows progress only when the step reports a total', () => {
    expect(progressFraction(50, 200)).toBe(0.25);
    expect(progressFraction(300, 200)).toBe(1);
    expect(progressFraction(5, 0)).toBeNull();
    expect(progressFraction(null, 10)).toBeNull();
  });

  it('groups thousands and leaves unknown counts empty', () => {
    expect(formatCount(12000)).toBe('12,000');
    expect(formatCount(null)).toBe('');
  });
});
