import { describe, expect, test } from 'vitest';
import { backfillBody } from './backfill.js';

describe('backfill body', () => {
  test('local date-times become instants of the same moment', () => {
    const body = backfillBody('2026-11-01T00:00', '2026-11-02T06:30');
    expect(new Date(body.from).getTime()).toBe(new Date('2026-11-01T00:00').getTime());
    expect(body.to).toMatch(/^2026-11-0[12]T\d\d:30:00\.000Z$/);
  });

  test('what is not a date goes to the server as typed, so its answer names the field', () => {
    expect(backfillBody('yesterday', '')).toEqual({ from: 'yesterday', to: '' });
  });
});
