// The event types Millflow sends, and checking a new subscription.

export const EVENT_TYPES = [
  ['sync.completed', 'a sync finished'],
  ['sync.failed', 'a sync failed'],
  ['connection.status_changed', 'a connection went online, offline, ...'],
  ['connection.reauth_required', 'a connection needs new credentials'],
  ['flow.incident', 'a run stopped at an incident']
];

export function subscriptionProblems(url, types) {
  const errors = {};
  let parsed = null;
  try {
    parsed = new URL((url || '').trim());
  } catch {
    errors.url = 'Enter the full URL, e.g. https://hooks.example.com/millflow.';
  }
  if (parsed && parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname))) {
    errors.url = 'Use https:// (plain http:// only to this machine, for tests).';
  }
  if (!types.length) errors.eventTypes = 'Choose at least one event.';
  return errors;
}
