import { describe, expect, test } from 'vitest';
import { batchesText, liveProgress, recordsText } from './progress.js';

const row = (elementId, status, extra = {}) => ({
  elementId, stepType: 't', latest: { status, attempt: 1, log: [], ...extra }
});

describe('live progress', () => {
  test('the running steps with their records so far, and how many steps completed', () => {
    const progress = liveProgress([
      row('Read', 'completed', { progressDone: 10, progressTotal: 10 }),
      row('Page', 'running', { progressDone: 1200, progressTotal: -1, log: [{}, {}], batchUnit: 'page', batchesDone: 40 }),
      row('Other', 'retrying', { attempt: 2 })
    ]);
    expect(progress.current).toEqual([
      { elementId: 'Page', stepType: 't', attempt: 1, done: 1200, total: null, logLines: 2, batches: 'page 40' },
      { elementId: 'Other', stepType: 't', attempt: 2, done: null, total: null, logLines: 0, batches: null }
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

describe('pages or windows done', () => {
  test('windows of a known total, pages of an unknown one', () => {
    expect(batchesText({ batchUnit: 'window', batchesDone: 3, batchesTotal: 12 })).toBe('window 3 of 12');
    expect(batchesText({ batchUnit: 'page', batchesDone: 40, batchesTotal: null })).toBe('page 40');
  });

  test('nothing for a step that does not read in batches, or an unknown unit', () => {
    expect(batchesText({ progressDone: 10 })).toBeNull();
    expect(batchesText({ batchUnit: 'chunk', batchesDone: 2 })).toBeNull();
    expect(batchesText(undefined)).toBeNull();
  });
});
