// The data preview of a run: its datasets by step attempt, the columns of a page of records, and cell texts.

/** The run's datasets grouped by the step attempt that read or wrote them: Map stepRunId → datasets. */
export function datasetsByAttempt(datasets) {
  const byAttempt = new Map();
  for (const dataset of datasets || []) {
    if (!byAttempt.has(dataset.stepRunId)) byAttempt.set(dataset.stepRunId, []);
    byAttempt.get(dataset.stepRunId).push(dataset);
  }
  return byAttempt;
}

/** The columns of a table of records: every top-level field any of them has, in the order they first appear. */
export function columnsOf(records) {
  const columns = [];
  const seen = new Set();
  for (const record of records || []) {
    if (!record || typeof record !== 'object' || Array.isArray(record)) continue;
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return columns;
}

/** A cell's text: texts and numbers as they are, nested objects and arrays as compact JSON, nothing as empty. */
export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The API path of a dataset's preview, or of the one-time link its download is saved through (`download`). */
export function datasetPath(runId, datasetId, { download, format, limit } = {}) {
  const base = `/api/runs/${encodeURIComponent(runId)}/datasets/${encodeURIComponent(datasetId)}`;
  return download ? `${base}/download-link?format=${format}` : `${base}?limit=${limit || 100}`;
}

/**
 * The variables a run started with, from `GET /api/runs/{id}/variables`: `{kept, rows: [[name, text]]}` sorted by
 * name, or null before it has loaded. `kept` false: the run's input was not kept (too large, or from before).
 */
export function startVariables(answer) {
  if (!answer) return null;
  const rows = Object.entries(answer.variables || {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => [name, cellText(value)]);
  return { kept: answer.kept !== false, rows };
}

/** The variables the latest attempt of a run started with, from its input summary: [[name, text]], or null. */
export function runVariables(steps) {
  const attempts = (steps || []).map((s) => s.step || s).filter((a) => a.inputSummary);
  if (attempts.length === 0) return null;
  const latest = attempts.reduce((a, b) => (String(b.startedAt) > String(a.startedAt) ? b : a));
  try {
    const parsed = JSON.parse(latest.inputSummary);
    if (!parsed || typeof parsed !== 'object') return null;
    return { elementId: latest.elementId, complete: true, rows: Object.entries(parsed).map(([k, v]) => [k, cellText(v)]) };
  } catch {
    return { elementId: latest.elementId, complete: false, rows: [], text: latest.inputSummary };
  }
}
