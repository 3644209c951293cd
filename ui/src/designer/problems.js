// Problems shown in the designer: Camunda 8 lint reports (live) and the server's reasons a deploy was refused.

/**
 * Splits the server's problems ({elementId, reason}) into those on an element of the diagram and those about the
 * whole document (no element id, or an id the diagram does not have).
 */
export function placeDeployProblems(problems, hasElement) {
  const onElements = [];
  const general = [];
  for (const problem of problems || []) {
    if (problem?.elementId && hasElement(problem.elementId)) {
      onElements.push({ elementId: problem.elementId, reason: problem.reason || 'Refused by the server.' });
    } else {
      general.push({ elementId: problem?.elementId || null, reason: problem?.reason || 'Refused by the server.' });
    }
  }
  return { onElements, general };
}

/** Groups problems per element, so one marker shows every reason for that element. */
export function reasonsByElement(problems) {
  const byElement = new Map();
  for (const { elementId, reason } of problems) {
    if (!byElement.has(elementId)) byElement.set(elementId, []);
    byElement.get(elementId).push(reason);
  }
  return byElement;
}

/** Lint reports as list rows: errors first, then warnings, each with its element's name when it has one. */
export function lintRows(reports, nameOf = () => null) {
  const rank = { error: 0, warn: 1, info: 2 };
  return [...(reports || [])]
    .map((report) => ({
      id: report.id,
      name: nameOf(report.id) || report.id,
      message: report.message,
      category: report.category || 'error',
      report
    }))
    .sort((a, b) => (rank[a.category] ?? 3) - (rank[b.category] ?? 3) || a.name.localeCompare(b.name));
}

/** Parses the start-run variables box: empty means none; otherwise a JSON object. */
export function parseVariables(text) {
  const trimmed = (text || '').trim();
  if (!trimmed) return { variables: {} };
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { error: `The variables are not valid JSON (${error.message}). Write an object such as {"since": "2026-01-01"}.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'The variables must be a JSON object such as {"since": "2026-01-01"}, not a list or a single value.' };
  }
  return { variables: value };
}
