// The body of a backfill request from the form's two local date-times (the browser's time zone) as ISO-8601 instants.

/** `{from, to}` as instants; a value that is not a date is passed on as typed, for the server to name. */
export function backfillBody(from, to) {
  return { from: instant(from), to: instant(to) };
}

function instant(local) {
  if (!local) return local;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}
