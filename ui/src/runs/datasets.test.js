import { describe, expect, test } from 'vitest';
import { cellText, columnsOf, datasetPath, datasetsByAttempt, runVariables, startVariables } from './datasets.js';

describe('data preview', () => {
  test('datasets are grouped by the attempt that read or wrote them', () => {
    const grouped = datasetsByAttempt([
      { stepRunId: 'a', dataset: '1', role: 'written' },
      { stepRunId: 'b', dataset: '1', role: 'read' },
      { stepRunId: 'b', dataset: '2', role: 'written' }
    ]);
    expect([...grouped.keys()]).toEqual(['a', 'b']);
    expect(grouped.get('b').map((d) => d.role)).toEqual(['read', 'written']);
  });

  test('columns are every field any record has, in first-seen order', () => {
    expect(columnsOf([{ id: 1, name: 'x' }, { id: 2, qty: 3 }, null, [1]])).toEqual(['id', 'name', 'qty']);
  });

  test('cells show nested values as JSON and nothing as empty', () => {
    expect(cellText({ a: [1] })).toBe('{"a":[1]}');
    expect(cellText(null)).toBe('');
    expect(cellText(0)).toBe('0');
    expect(cellText(false)).toBe('false');
  });

  test('paths of the preview and of the download link', () => {
    expect(datasetPath('r 1', 'd1', {})).toBe('/api/runs/r%201/datasets/d1?limit=100');
    expect(datasetPath('r', 'd1', { download: true, format: 'csv' })).toBe('/api/runs/r/datasets/d1/download-link?format=csv');
  });

  test('the run variables are the latest attempt\'s input, or its text when the summary was cut', () => {
    const steps = [
      { step: { elementId: 'A', startedAt: '2026-12-07T10:00:00Z', inputSummary: '{"since":"2026-01-01","n":2}' } },
      { step: { elementId: 'B', startedAt: '2026-12-07T10:01:00Z', inputSummary: '{"orders":{"records":{"count":3}}}' } }
    ];
    expect(runVariables(steps)).toEqual({ elementId: 'B', complete: true, rows: [['orders', '{"records":{"count":3}}']] });
    const cut = [{ step: { elementId: 'A', startedAt: 'x', inputSummary: '{"a":"lo…' } }];
    expect(runVariables(cut)).toEqual({ elementId: 'A', complete: false, rows: [], text: '{"a":"lo…' });
    expect(runVariables([])).toBeNull();
  });

  test('the start variables by name, nested values as JSON, and whether they were kept', () => {
    const answer = { kept: true, variables: { zone: 'B', auth: { header: 'Bearer {{secrets.TOKEN}}' }, batch: 7 } };
    expect(startVariables(answer)).toEqual({
      kept: true,
      rows: [['auth', '{"header":"Bearer {{secrets.TOKEN}}"}'], ['batch', '7'], ['zone', 'B']]
    });
    expect(startVariables({ kept: false, variables: {} })).toEqual({ kept: false, rows: [] });
    expect(startVariables(null)).toBeNull();
  });
});
