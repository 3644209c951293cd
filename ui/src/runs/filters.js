// The runs list's filters, as they travel in the page's address and in the API's query.

export const STATUSES = ['running', 'completed', 'incident', 'failed', 'cancelled'];

export const PERIODS = [
  ['', 'Any time'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days']
];

const PERIOD_MS = { h: 3_600_000, d: 86_400_000 };

/** The instant a period such as '24h' or '7d' starts, before `now`; null for any time or an unknown period. */
export function sinceFor(period, now = Date.now()) {
  const match = /^(\d+)([hd])$/.exec(period || '');
  if (!match) return null;
  return new Date(now - Number(match[1]) * PERIOD_MS[match[2]]).toISOString();
}

/**
 * Who may have started runs, as the runs list offers them: `[value, label]`, the value as the API records it
 * (`trigger:<name>` for each webhook trigger, `engine` for schedules and messages); any starter first.
 */
export function starterChoices(triggers) {
  return [
    ['', 'Anyone'],
    ...(triggers || []).map((trigger) => [`trigger:${trigger.name}`, `Trigger ${trigger.name}`]),
    ['engine', 'A schedule or message']
  ];
}

/** The API query for the filters (flow, status, starter, period, search) and a page's window ({limit, offset}). */
export function runsQuery({ flow, status, startedBy, period, q }, now = Date.now(), { limit = 100, offset = 0 } = {}) {
  const params = { limit };
  if (offset > 0) params.offset = offset;
  if (flow) params.flow = flow;
  if (startedBy) params.startedBy = startedBy;
  if (q?.trim()) params.q = q.trim();
  if (status && STATUSES.includes(status)) params.status = status;
  const since = sinceFor(period, now);
  if (since) params.since = since;
  return params;
}
