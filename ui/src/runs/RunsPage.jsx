import { useState } from 'preact/hooks';
import { api, query as toQuery, requestPage } from '../api/client.js';
import { Badge, ErrorNote, Field, PageHeader, useLoad } from '../ui/components.jsx';
import { formatCount, formatTime } from '../ui/format.js';
import { href, navigate } from '../app/routes.js';
import { PERIODS, STATUSES, runsQuery, starterChoices } from './filters.js';
import { runDuration } from './duration.js';
import { IncidentGroups } from './IncidentGroups.jsx';
import { pageOf, pageWindow, pagerState } from './paging.js';
import { batchesText } from './progress.js';

const REFRESH_MS = 3000;

/**
 * Runs, newest first, a page at a time: searched (run id, business key, error), filtered by flow, status, starter and
 * time; refreshed every few seconds.
 */
export function RunsPage({ query }) {
  const byError = query.view === 'incidents';
  return (
    <section>
      <PageHeader title="Runs">
        {!byError && <span class="muted" aria-live="polite">Updates every {REFRESH_MS / 1000} s</span>}
      </PageHeader>
      <nav class="view-switch" aria-label="Runs views">
        <a href={href('/runs', {})} aria-current={byError ? undefined : 'page'}>All runs</a>
        <a href={href('/runs', { view: 'incidents' })} aria-current={byError ? 'page' : undefined}>Incidents by error</a>
      </nav>
      {byError ? <IncidentGroups /> : <RunsList query={query} />}
    </section>
  );
}

/** The list of runs with its filters and pager. */
function RunsList({ query }) {
  const filters = {
    flow: query.flow || '', status: query.status || '', startedBy: query.startedBy || '', period: query.period || '', q: query.q || ''
  };
  const page = pageOf(query);
  const [search, setSearch] = useState(filters.q);
  const flows = useLoad(() => api.get('/api/flows'), []);
  const triggers = useLoad(() => api.get('/api/triggers'), []);
  const runs = useLoad(() => requestPage(`/api/runs${toQuery(runsQuery(filters, Date.now(), pageWindow(page)))}`),
    [filters.flow, filters.status, filters.startedBy, filters.period, filters.q, page], REFRESH_MS);
  // a changed filter starts again at the first page
  const set = (key) => (event) => navigate('/runs', { ...filters, [key]: event.currentTarget.value });
  const goTo = (to) => navigate('/runs', { ...filters, page: to > 1 ? to : '' });
  const items = runs.data?.items;
  const pager = items ? pagerState(page, items.length, runs.data.total) : null;

  return (
    <>
      <form class="filters" aria-label="Filter runs"
        onSubmit={(e) => { e.preventDefault(); navigate('/runs', { ...filters, q: search }); }}>
        <Field label="Search" id="filter-search">
          <input id="filter-search" type="search" value={search} placeholder="Run id, business key or error text"
            onInput={(e) => setSearch(e.currentTarget.value)} />
        </Field>
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
        <Field label="Started by" id="filter-started-by">
          <select id="filter-started-by" value={filters.startedBy} onChange={set('startedBy')}>
            {starterChoices(triggers.data).map(([value, label]) => <option value={value} key={value}>{label}</option>)}
          </select>
        </Field>
        <Field label="Started" id="filter-period">
          <select id="filter-period" value={filters.period} onChange={set('period')}>
            {PERIODS.map(([value, label]) => <option value={value} key={value}>{label}</option>)}
          </select>
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorNote error={runs.error} action="load the runs" />
      {runs.loading && !runs.data && <p class="loading">Loading runs…</p>}
      {items && items.length === 0 && <p>No runs match. Start one from a flow in the designer, or change the filters.</p>}
      {items && items.length > 0 && (
        <table class="table" data-testid="runs-table">
          <thead>
            <tr>
              <th>Run</th><th>Flow</th><th>Status</th><th>Started</th><th>Duration</th>
              <th><abbr title="read / written / rejected">Records</abbr></th><th>Started by</th><th>Error</th>
            </tr>
          </thead>
          <tbody>
            {items.map((run) => (
              <tr key={run.id} data-run={run.id}>
                <td>
                  <a class="mono" href={`#/runs/${run.id}`}>{run.id.slice(0, 8)}</a>
                  {run.businessKey && <div class="muted" data-testid="run-business-key" title="Business key">{run.businessKey}</div>}
                </td>
                <td>{run.flowId}{run.flowVersion ? <span class="muted"> v{run.flowVersion}</span> : null}</td>
                <td>
                  <Badge status={run.status} />
                  {run.currentStep && (
                    <div class="muted" data-testid="run-current-step">
                      at <span class="mono">{run.currentStep.elementId}</span>
                      {run.currentStep.progressDone != null && ` · ${formatCount(run.currentStep.progressDone)} records`}
                      {batchesText(run.currentStep) && ` · ${batchesText(run.currentStep)}`}
                    </div>
                  )}
                </td>
                <td>{formatTime(run.startedAt)}</td>
                <td data-testid="run-duration">{runDuration(run)}</td>
                <td class="records-cell" data-testid="run-records">{recordsText(run.records)}</td>
                <td>{run.startedBy}</td>
                <td class="error-cell">{run.error ? truncate(run.error, 120) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager && (pager.hasPrevious || pager.hasNext || items.length > 0) && (
        <nav class="pager" aria-label="Pages of runs" data-testid="runs-pager">
          <button type="button" onClick={() => goTo(page - 1)} disabled={!pager.hasPrevious}>Previous</button>
          <span aria-live="polite">Runs {pager.text}</span>
          <button type="button" onClick={() => goTo(page + 1)} disabled={!pager.hasNext}>Next</button>
        </nav>
      )}
    </>
  );
}

/** read / written / rejected, or a dash before any step reported records. */
function recordsText(records) {
  if (!records) return '–';
  return `${formatCount(records.read)} / ${formatCount(records.written)} / ${formatCount(records.rejected)}`;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
