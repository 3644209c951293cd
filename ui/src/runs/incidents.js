// The runs at an incident grouped by error (GET /api/incidents) and what a bulk retry did (POST /api/incidents/retry).

/** A group's element as the page names it: its template's name with the element id, else the id. */
export function groupStep(group, templates) {
  const name = templates?.get(group.stepType);
  if (!group.elementId) return name || 'an unknown step';
  return name ? `${name} (${group.elementId})` : group.elementId;
}

/** What the retry-all button says: how many runs, and that each goes on on the version it started on. */
export function retryAllLabel(group) {
  return group.runs === 1 ? 'Retry this run on its own version' : `Retry all ${group.runs} runs, each on its own version`;
}

/**
 * A bulk retry's answer as the page shows it: a summary, and one line per run that was refused (with the reason) or
 * retried (with the version it goes on on).
 */
export function bulkOutcome(outcome) {
  const runs = outcome?.runs || [];
  const summary = `${outcome.retried} retried, ${outcome.refused} refused`;
  const lines = runs.map((run) => ({
    runId: run.runId,
    retried: run.outcome === 'retried',
    text: run.outcome === 'retried' ? `retried on v${run.flowVersion}` : `refused: ${run.reason}`
  }));
  return { summary, lines };
}
