// Live progress of a running run: the steps running now and the records they have done so far.

const RUNNING = new Set(['running', 'retrying']);

/** Polling interval of a running run's page, in ms; polling stops when the run has ended. */
export const LIVE_REFRESH_MS = 2000;

/**
 * From the step rows of a run (stepsByElement): the steps running now, each with its records so far and total
 * (null: not known), the log lines it wrote, and the records done over them all.
 */
export function liveProgress(rows) {
  const current = (rows || [])
    .filter((row) => RUNNING.has(row.latest.status))
    .map((row) => ({
      elementId: row.elementId,
      stepType: row.stepType,
      attempt: row.latest.attempt,
      done: row.latest.progressDone ?? null,
      total: row.latest.progressTotal > 0 ? row.latest.progressTotal : null,
      logLines: (row.latest.log || []).length,
      batches: batchesText(row.latest)
    }));
  const completed = (rows || []).filter((row) => row.latest.status === 'completed').length;
  return {
    current,
    recordsSoFar: current.reduce((sum, step) => sum + (step.done || 0), 0),
    stepsCompleted: completed
  };
}

/** "1,200 records so far" or "1,200 of 5,000 records". */
export function recordsText(done, total, format = (n) => String(n)) {
  if (done === null || done === undefined) return 'starting…';
  return total ? `${format(done)} of ${format(total)} records` : `${format(done)} records so far`;
}

const BATCH_NAMES = { page: 'page', window: 'window' };

/**
 * The pages or windows a step reading in batches has read, from its attempt (or the runs list's current step):
 * "window 3 of 12", "page 40"; null when the step does not report them.
 */
export function batchesText({ batchUnit, batchesDone, batchesTotal } = {}) {
  const unit = BATCH_NAMES[batchUnit];
  if (!unit || batchesDone == null) return null;
  return batchesTotal > 0 ? `${unit} ${batchesDone} of ${batchesTotal}` : `${unit} ${batchesDone}`;
}
