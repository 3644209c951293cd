// How long a run took: a run waiting at an incident stopped there, so its clock stops at the incident too.
import { formatDuration } from '../ui/format.js';

/** When the run's duration ends: its end, or for a run at an incident the time it stopped; null while it runs. */
export function durationEnd(run) {
  if (run.endedAt) return run.endedAt;
  return run.status === 'incident' && run.incidentAt ? run.incidentAt : null;
}

/** The run's duration as text; a run at an incident says so ("4.2 s to the incident"). */
export function runDuration(run, now = Date.now()) {
  const text = formatDuration(run.startedAt, durationEnd(run), now);
  return !run.endedAt && run.status === 'incident' && run.incidentAt && text ? `${text} to the incident` : text;
}
