import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, PageHeader, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { href } from '../app/routes.js';
import { VersionHistory } from './VersionHistory.jsx';
import { SyncPanel } from './SyncPanel.jsx';

export function FlowsPage() {
  const flows = useLoad(() => api.get('/api/flows'), [], 10_000);
  // one flow's panel open at a time: {flowId, panel: 'versions' | 'syncs'}
  const [open, setOpen] = useState(null);
  const toggle = (flowId, panel) =>
    setOpen(open?.flowId === flowId && open.panel === panel ? null : { flowId, panel });
  const isOpen = (flowId, panel) => open?.flowId === flowId && open.panel === panel;
  const [failure, setFailure] = useState(null);
  // Refused (409) while runs are in flight or a trigger routes to the flow: the message names them.
  // Disabled, a flow starts no new run: starts are refused, its schedules pause, its trigger routes skip it.
  const toggleDisabled = async (flow) => {
    const path = `/api/flows/${encodeURIComponent(flow.id)}/disable`;
    try {
      await (flow.disabledAt ? api.del(path) : api.post(path));
      setFailure(null);
      flows.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async (flow) => {
    if (!confirm(`Delete flow ${flow.name || flow.id} and all its versions? Its runs stay in the history.`)) return;
    try {
      await api.del(`/api/flows/${encodeURIComponent(flow.id)}`);
      setFailure(null);
      flows.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section>
      <PageHeader title="Flows">
        <a class="button primary" href="#/flows/new">New flow</a>
      </PageHeader>
      <ErrorNote error={flows.error} action="load the flows" />
      <ErrorNote error={failure} action="change the flow" />
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
                  {flow.disabledAt && <span data-testid="flow-disabled"><Badge status="disabled" /> since {formatTime(flow.disabledAt)}</span>}
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
                  <button type="button" class="link-button" aria-expanded={isOpen(flow.id, 'versions')}
                    onClick={() => toggle(flow.id, 'versions')}>Versions</button>
                  <button type="button" class="link-button" aria-expanded={isOpen(flow.id, 'syncs')}
                    onClick={() => toggle(flow.id, 'syncs')}>Syncs</button>
                  <button type="button" class="link-button" onClick={() => toggleDisabled(flow)}>
                    {flow.disabledAt ? 'Enable' : 'Disable'}
                  </button>
                  {flow.origin !== 'bundled' && (
                    <button type="button" class="link-button danger" onClick={() => remove(flow)}>Delete…</button>
                  )}
                </td>
              </tr>
              {isOpen(flow.id, 'versions') && (
                <tr key={`${flow.id}-versions`}><td colSpan={6}><VersionHistory flowId={flow.id} onRestored={flows.reload} /></td></tr>
              )}
              {isOpen(flow.id, 'syncs') && <tr key={`${flow.id}-syncs`}><td colSpan={6}><SyncPanel flowId={flow.id} /></td></tr>}
              </>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
