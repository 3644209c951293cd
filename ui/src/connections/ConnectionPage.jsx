import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, Note, PageHeader, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { CheckResult } from './CheckResult.jsx';
import { usesByFlow } from './connectionUses.js';

const path = (name) => `/api/connections/${encodeURIComponent(name)}`;

/** One connection: its health, its check history, the flows that use it; test it or reconnect. */
export function ConnectionPage({ name }) {
  const connection = useLoad(() => api.get(path(name)), [name]);
  const status = useLoad(() => api.get(`${path(name)}/status`), [name]);
  const checks = useLoad(() => api.get(`${path(name)}/checks?limit=50`), [name]);
  const uses = useLoad(() => api.get(`${path(name)}/flows`), [name]);
  const [test, setTest] = useState({ busy: false, check: null, error: null });

  const runTest = async () => {
    setTest({ busy: true, check: null, error: null });
    try {
      setTest({ busy: false, check: await api.post(`${path(name)}/test`), error: null });
    } catch (error) {
      setTest({ busy: false, check: null, error });
    }
    status.reload();
    checks.reload();
  };

  if (connection.error) {
    return (
      <section>
        <PageHeader title={`Connection ${name}`} />
        <ErrorNote error={connection.error} action="load the connection" />
        <p><a href="#/connections">See all connections</a></p>
      </section>
    );
  }
  const grouped = uses.data ? usesByFlow(uses.data) : null;
  return (
    <section>
      <PageHeader title={`Connection ${name}`}>
        {connection.data?.testable && (
          <button type="button" onClick={runTest} disabled={test.busy}>{test.busy ? 'Testing…' : 'Test'}</button>
        )}
        {connection.data && connection.data.origin !== 'configuration' && (
          <a class="button primary" href={`#/connections/${encodeURIComponent(name)}/reconnect`}>Reconnect</a>
        )}
      </PageHeader>
      <div class="card">
        <p>Status: <Badge status={status.data?.status || 'unknown'} />
          {status.data?.lastCheck && <> · last checked {formatTime(status.data.lastCheck)}</>}
          {status.data?.nextCheckAt && <> · next check {formatTime(status.data.nextCheckAt)}</>}</p>
        {status.data?.lastError && <Note kind="warning">{status.data.problem ? `${status.data.problem}: ` : ''}{status.data.lastError}</Note>}
        {test.check && <CheckResult check={test.check} />}
        <ErrorNote error={test.error} action="test the connection" />
      </div>

      <h2>Flows that use it</h2>
      <ErrorNote error={uses.error} action="load the flows that use the connection" />
      {grouped && grouped.known.length === 0 && <p class="muted">No deployed flow names this connection.</p>}
      {grouped && grouped.known.length > 0 && (
        <ul data-testid="connection-flows">
          {grouped.known.map((flow) => (
            <li key={flow.flowId} data-flow={flow.flowId}>
              <a href={`#/flows/${encodeURIComponent(flow.flowId)}/design`}>{flow.flowName}</a>: {flow.tasks.map((task) => task.name).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {grouped && grouped.unknown.length > 0 && (
        <>
          <p>These tasks choose their connection with a FEEL expression, so whether they use this one is known only when
            they run:</p>
          <ul data-testid="connection-flows-unknown">
            {grouped.unknown.map((flow) => (
              <li key={flow.flowId}>
                <a href={`#/flows/${encodeURIComponent(flow.flowId)}/design`}>{flow.flowName}</a>:{' '}
                {flow.tasks.map((task) => <span key={task.elementId}>{task.name} (<code>{task.expression}</code>) </span>)}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Check history</h2>
      <ErrorNote error={checks.error} action="load the check history" />
      {checks.data && checks.data.length === 0 && <p class="muted">Not checked yet.</p>}
      {checks.data && checks.data.length > 0 && (
        <table class="table" data-testid="connection-checks">
          <thead><tr><th>Checked</th><th>Status</th><th>Error</th></tr></thead>
          <tbody>
            {checks.data.map((check, i) => (
              <tr key={i}>
                <td>{formatTime(check.checkedAt)}</td>
                <td><Badge status={check.status} /></td>
                <td>{check.problem ? `${check.problem}: ` : ''}{check.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
