import { useState } from 'preact/hooks';
import { api, fetchBpmnVersion } from '../api/client.js';
import { Badge, ErrorNote, PageHeader, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { href } from '../app/routes.js';

export function FlowsPage() {
  const flows = useLoad(() => api.get('/api/flows'), [], 10_000);
  const [history, setHistory] = useState(null);
  return (
    <section>
      <PageHeader title="Flows">
        <a class="button primary" href="#/flows/new">New flow</a>
      </PageHeader>
      <ErrorNote error={flows.error} action="load the flows" />
      {flows.loading && !flows.data && <p class="loading">Loading flows…</p>}
      {flows.data && flows.data.length === 0 && <p>No flows yet. Create one from a starter with “New flow”.</p>}
      {flows.data && flows.data.length > 0 && (
        <table class="table" data-testid="flows-table">
          <thead>
            <tr><th>Flow</th><th>Version</th><th>Origin</th><th>Deployed</th><th>Last run</th><th><span class="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {flows.data.map((flow) => (
              <>
              <tr key={flow.id} data-flow={flow.id}>
                <td>
                  <a href={`#/flows/${encodeURIComponent(flow.id)}/design`}><strong>{flow.name || flow.id}</strong></a>
                  <div class="muted mono">{flow.id}</div>
                </td>
                <td>v{flow.version}</td>
                <td>{flow.origin}</td>
                <td>{formatTime(flow.deployedAt)}</td>
                <td>
                  {flow.lastRunStatus ? (
                    <a href={href('/runs', { flow: flow.id })}><Badge status={flow.lastRunStatus} /> {formatTime(flow.lastRunAt)}</a>
                  ) : <span class="muted">never run</span>}
                </td>
                <td class="row-actions">
                  <a href={`#/flows/${encodeURIComponent(flow.id)}/design`}>Open</a>
                  <a href={href('/runs', { flow: flow.id })}>Runs</a>
                  <button type="button" class="link-button" aria-expanded={history === flow.id}
                    onClick={() => setHistory(history === flow.id ? null : flow.id)}>Versions</button>
                </td>
              </tr>
              {history === flow.id && <tr key={`${flow.id}-versions`}><td colSpan={6}><VersionHistory flowId={flow.id} /></td></tr>}
              </>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every version of a flow, newest first, each downloadable as BPMN. */
function VersionHistory({ flowId }) {
  const versions = useLoad(() => api.get(`/api/flows/${encodeURIComponent(flowId)}/versions`), [flowId]);
  const [error, setError] = useState(null);
  const download = async (version) => {
    try {
      const xml = await fetchBpmnVersion(flowId, version);
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `${flowId}-v${version}.bpmn` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setError(failure);
    }
  };
  if (versions.error) return <ErrorNote error={versions.error} action="load the versions" />;
  if (!versions.data) return <p class="loading">Loading versions…</p>;
  return (
    <div data-testid="versions">
      <ErrorNote error={error} action="download the version" />
      <table class="table">
        <thead><tr><th>Version</th><th>Name</th><th>Origin</th><th>Deployed</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {versions.data.map((version) => (
            <tr key={version.version}>
              <td>v{version.version}</td>
              <td>{version.name}</td>
              <td>{version.origin}</td>
              <td>{formatTime(version.deployedAt)}</td>
              <td><button type="button" onClick={() => download(version.version)}>Download BPMN</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
