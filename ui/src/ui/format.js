// Small formatting used across pages.

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "850 ms", "12.4 s", "3 min 5 s", "2 h 4 min"; an open end counts up to `now`. */
export function formatDuration(startIso, endIso, now = Date.now()) {
  if (!startIso) return '';
  const start = new Date(startIso).getTime();
  const end = endIso ? new Date(endIso).getTime() : now;
  const ms = Math.max(0, end - start);
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatCount(value) {
  if (value === null || value === undefined) return '';
  return Number(value).toLocaleString('en-US');
}

/** Progress as a fraction 0..1, or null when the step reports no total. */
export function progressFraction(done, total) {
  if (done === null || done === undefined || !total) return null;
  return Math.min(1, Math.max(0, done / total));
}
