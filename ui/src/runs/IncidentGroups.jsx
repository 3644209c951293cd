import { useMemo, useState } from 'preact/hooks';
import { api, query as toQuery, requestPage } from '../api/client.js';
import { ErrorNote, Note, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { href } from '../app/routes.js';
import { templateNames } from './names.js';
import { bulkOutcome, groupStep, retryAllLabel } from './incidents.js';

const REFRESH_MS = 5000;

/** The runs at an incident now, grouped by error, each group with a retry of all its runs. */
export function IncidentGroups() {
  const groups = useLoad(() => requestPage(`/api/incidents${toQuery({ limit: 50 })}`), [], REFRESH_MS);
  const templates = useLoad(() => api.get('/api/element-templates'), []);
  const byType = useMemo(() => templateNames(templates.data), [templates.data]);
  const items = groups.data?.items;
  // kept here, not on the group: a group whose runs were all retried leaves the list
  const [retried, setRetried] = useState(null);
  const onRetried = (group, outcome) => {
    setRetried({ step: groupStep(group, byType), ...bulkOutcome(outcome) });
    groups.reload();
  };

  return (
    <div data-testid="incident-groups">
      {retried && (
        <Note kind={retried.lines.some((line) => !line.retried) ? 'warning' : 'success'}>
          Retried the incidents at {retried.step}: <span data-testid="bulk-outcome">{retried.summary}</span>
          <ul data-testid="bulk-outcome-runs">
            {retried.lines.map((line) => (
              <li key={line.runId}><a class="mono" href={`#/runs/${line.runId}`}>{line.runId.slice(0, 8)}</a> {line.text}</li>
            ))}
          </ul>
        </Note>
      )}
      <ErrorNote error={groups.error} action="load the incidents" />
      {groups.loading && !groups.data && <p class="loading">Loading incidents…</p>}
      {items && items.length === 0 && <p>No run is at an incident.</p>}
      {items && items.length > 0 && (
        <p class="muted" aria-live="polite">
          {groups.data.total} {groups.data.total === 1 ? 'group' : 'groups'} of runs at an incident, most runs first.
        </p>
      )}
      {(items || []).map((group) => (
        <IncidentGroup group={group} step={groupStep(group, byType)} key={group.key} onRetried={onRetried} />
      ))}
    </div>
  );
}

function IncidentGroup({ group, step, onRetried }) {
  const [state, setState] = useState({ busy: false, error: null });
  const headingId = `incident-${group.key.slice(0, 12)}`;

  const retryAll = async () => {
    if (!confirm(`${retryAllLabel(group)}? Fix the cause first: each run's failed step runs again.`)) return;
    setState({ busy: true, error: null });
    try {
      const outcome = await api.post('/api/incidents/retry', { group: group.key });
      setState({ busy: false, error: null });
      onRetried(group, outcome);
    } catch (error) {
      setState({ busy: false, error });
    }
  };

  return (
    <section class="card incident-group" aria-labelledby={headingId} data-group={group.key}>
      <h2 id={headingId}>
        {group.errorCode ? <span class="mono">{group.errorCode}</span> : 'Incident'} at {step}
      </h2>
      <p class="error-cell" data-testid="group-message">{group.message}</p>
      <dl class="incident-facts">
        <div><dt>Runs</dt><dd data-testid="group-runs">{group.runs}</dd></div>
        <div><dt>Flows</dt><dd>{group.flows.map((flow) => <a href={href('/runs', { flow, status: 'incident' })} key={flow}>{flow} </a>)}</dd></div>
        <div><dt>Oldest</dt><dd>{formatTime(group.oldestAt)}</dd></div>
        <div><dt>Newest</dt><dd>{formatTime(group.newestAt)}</dd></div>
      </dl>
      <button type="button" class="primary" onClick={retryAll} disabled={state.busy}>
        {state.busy ? 'Retrying…' : retryAllLabel(group)}
      </button>
      <ErrorNote error={state.error} action="retry the runs" />
    </section>
  );
}
