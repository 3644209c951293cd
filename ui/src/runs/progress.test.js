import { describe, expect, test } from 'vitest';
import { liveProgress, recordsText } from './progress.js';

const row = (elementId, status, extra = {}) => ({
  elementId, stepType: 't', latest: { status, attempt: 1, log: [], ...extra }
});

describe('live progress', () => {
  test('the running steps with their records so far, and how many steps completed', () => {
    const progress = liveProgress([
      row('Read', 'completed', { progressDone: 10, progressTotal: 10 }),
      row('Page', 'running', { progressDone: 1200, progressTotal: -1, log: [{}, {}] }),
      row('Other', 'retrying', { attempt: 2 })
    ]);
    expect(progress.current).toEqual([
      { elementId: 'Page', stepType: 't', attempt: 1, done: 1200, total: null, logLines: 2 },
      { elementId: 'Other', stepType: 't', attempt: 2, done: null, total: null, logLines: 0 }
    ]);
    expect(progress.recordsSoFar).toBe(1200);
    expect(progress.stepsCompleted).toBe(1);
  });

  test('nothing runs in an ended run', () => {
    expect(liveProgress([row('Read', 'completed')]).current).toEqual([]);
    expect(liveProgress(undefined).recordsSoFar).toBe(0);
  });

  test('records text with and without a known total', () => {
    expect(recordsText(5, null)).toBe('5 records so far');
    expect(recordsText(5, 20)).toBe('5 of 20 records');
    expect(recordsText(null, null)).toBe('starting…');
  });
});
