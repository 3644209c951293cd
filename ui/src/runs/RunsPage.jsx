import { api, query as toQuery } from '../api/client.js';
import { Badge, ErrorNote, Field, PageHeader, useLoad } from '../ui/components.jsx';
import { formatDuration, formatTime } from '../ui/format.js';
import { navigate } from '../app/routes.js';
import { PERIODS, STATUSES, runsQuery } from './filters.js';

const REFRESH_MS = 3000;

/** Runs, newest first, filtered by flow, status and time; refreshed every few seconds. */
export function RunsPage({ query }) {
  const filters = { flow: query.flow || '', status: query.status || '', period: query.period || '' };
  const flows = useLoad(() => api.get('/api/flows'), []);
  const runs = useLoad(() => api.get(`/api/runs${toQuery(runsQuery(filters))}`),
    [filters.flow, filters.status, filters.period], REFRESH_MS);
  const set = (key) => (event) => navigate('/runs', { ...filters, [key]: event.currentTarget.value });

  return (
    <section>
      <PageHeader title="Runs">
        <span class="muted" aria-live="polite">Updates every {REFRESH_MS / 1000} s</span>
      </PageHeader>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter runs">
        <Field label="Flow" id="filter-flow">
          <select id="filter-flow" value={filters.flow} onChange={set('flow')}>
            <option value="">All flows</option>
            {(flows.data || []).map((flow) => <option value={flow.id} key={flow.id}>{flow.name || flow.id}</option>)}
          </select>
        </Field>
        <Field label="Status" id="filter-status">
          <select id="filter-status" value={filters.status} onChange={set('status')}>
            <option value="">Any status</option>
            {STATUSES.map((status) => <option value={status} key={status}>{status}</option>)}
          </select>
        </Field>
        <Field label="Started" id="filter-period">
          <select id="filter-period" value={filters.period} onChange={set('period')}>
            {PERIODS.map(([value, label]) => <option value={value} key={value}>{label}</option>)}
          </select>
        </Field>
      </form>
      <ErrorNote error={runs.error} action="load the runs" />
      {runs.loading && !runs.data && <p class="loading">Loading runs…</p>}
      {runs.data && runs.data.length === 0 && <p>No runs match. Start one from a flow in the designer, or change the filters.</p>}
      {runs.data && runs.data.length > 0 && (
        <table class="table" data-testid="runs-table">
          <thead>
            <tr><th>Run</th><th>Flow</th><th>Status</th><th>Started</th><th>Duration</th><th>Started by</th><th>Error</th></tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id} data-run={run.id}>
                <td><a class="mono" href={`#/runs/${run.id}`}>{run.id.slice(0, 8)}</a></td>
                <td>{run.flowId}{run.flowVersion ? <span class="muted"> v{run.flowVersion}</span> : null}</td>
                <td><Badge status={run.status} /></td>
                <td>{formatTime(run.startedAt)}</td>
                <td>{formatDuration(run.startedAt, run.endedAt)}</td>
                <td>{run.startedBy}</td>
                <td class="error-cell">{run.error ? truncate(run.error, 120) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
