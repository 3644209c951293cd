/** The outcome of a connection test: what worked, or the specific problem with what to do about it. */
export function CheckResult({ check }) {
  if (!check) return null;
  if (check.ok) {
    const details = Object.entries(check.details || {});
    return (
      <div class="note note-success check-result" role="status" data-testid="check-result">
        <strong>Connected.</strong> {check.took ? `The check took ${formatTook(check.took)}.` : ''}
        {details.length > 0 && <dl>{details.map(([key, value]) => <><dt>{key}</dt><dd>{value}</dd></>)}</dl>}
      </div>
    );
  }
  return (
    <div class="note note-error check-result" role="alert" data-testid="check-result">
      <p><strong>{describeProblem(check.problem)}</strong> <span class="mono">({check.problem})</span></p>
      <p>{check.message}</p>
      {check.fix && <p><strong>How to fix: </strong>{check.fix}</p>}
    </div>
  );
}

const PROBLEMS = {
  INCOMPLETE: 'A setting or credential is missing.',
  UNREACHABLE: 'The system could not be reached.',
  WRONG_URL: 'The address does not lead to this system.',
  AUTH_FAILED: 'The credentials were refused.',
  WRONG_CERTIFICATE_ID: 'The certificate id does not match the key.',
  CLOCK_SKEW: "This machine's clock differs too much from the system's.",
  NO_PERMISSION: 'The credentials lack a permission.',
  MISSING_DATABASE: 'The database does not exist.',
  TLS_ERROR: 'The secure connection (TLS) failed.',
  TIMEOUT: 'The system did not answer in time.',
  UNAVAILABLE: 'The system is unavailable right now.'
};

export function describeProblem(problem) {
  return PROBLEMS[problem] || 'The check failed.';
}

/** ISO-8601 durations as Jackson writes them (PT0.123S) or seconds as numbers. */
export function formatTook(took) {
  if (typeof took === 'number') return `${Math.round(took * 1000)} ms`;
  const match = /^PT(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(String(took));
  if (!match) return String(took);
  const ms = (Number(match[1] || 0) * 60 + Number(match[2] || 0)) * 1000;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
