import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, Note, PageHeader, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { CheckResult } from './CheckResult.jsx';
import { systemOf } from './systems.js';

async function loadConnections() {
  const connections = await api.get('/api/connections');
  const statuses = await Promise.all(connections.map((connection) =>
    api.get(`/api/connections/${encodeURIComponent(connection.name)}/status`).catch(() => null)));
  return connections.map((connection, i) => ({ ...connection, health: statuses[i] }));
}

/** Connections with their health; test, reconnect or delete one. */
export function ConnectionsPage() {
  const list = useLoad(loadConnections, [], 15_000);
  const [checks, setChecks] = useState({});
  const [error, setError] = useState(null);
  const saved = new URLSearchParams(location.hash.split('?')[1] || '').get('saved');

  const test = async (name) => {
    setChecks((c) => ({ ...c, [name]: { busy: true } }));
    try {
      const check = await api.post(`/api/connections/${encodeURIComponent(name)}/test`);
      setChecks((c) => ({ ...c, [name]: { check } }));
      list.reload();
    } catch (failure) {
      setChecks((c) => ({ ...c, [name]: {} }));
      setError(failure);
    }
  };
  const remove = async (name) => {
    if (!confirm(`Delete connection ${name}? Flows that use it stop at their next run.`)) return;
    try {
      await api.del(`/api/connections/${encodeURIComponent(name)}`);
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section>
      <PageHeader title="Connections">
        <a class="button primary" href="#/connections/new">Connect a system</a>
      </PageHeader>
      {saved && <Note kind="success">Connection {saved} saved.</Note>}
      <ErrorNote error={list.error} action="load the connections" />
      <ErrorNote error={error} />
      {list.data && list.data.length === 0 && <p>No connections yet. Connect a system to let flows read and write it.</p>}
      {list.data && list.data.length > 0 && (
        <table class="table" data-testid="connections-table">
          <thead>
            <tr><th>Connection</th><th>System</th><th>Status</th><th>Last check</th><th>Origin</th><th><span class="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {list.data.map((connection) => {
              const health = connection.health;
              const check = checks[connection.name];
              return (
                <tr key={connection.name} data-connection={connection.name}>
                  <td><a href={`#/connections/${encodeURIComponent(connection.name)}`}><strong>{connection.name}</strong></a>
                    <div class="muted">{connection.settings?.baseUrl || connection.settings?.jdbcUrl || connection.settings?.host || ''}</div>
                  </td>
                  <td>{systemOf(connection.type).name}</td>
                  <td>
                    <Badge status={health?.status || 'unknown'} />
                    {health?.lastError && <div class="muted small">{health.problem ? `${health.problem}: ` : ''}{health.lastError}</div>}
                    {check?.check && <CheckResult check={check.check} />}
                  </td>
                  <td>{health?.lastCheck ? formatTime(health.lastCheck) : <span class="muted">not yet</span>}</td>
                  <td>{connection.origin}</td>
                  <td class="row-actions">
                    {connection.testable && (
                      <button type="button" onClick={() => test(connection.name)} disabled={check?.busy}>
                        {check?.busy ? 'Testing…' : 'Test'}
                      </button>
                    )}
                    {connection.origin !== 'configuration' && (
                      <a class="button" href={`#/connections/${encodeURIComponent(connection.name)}/reconnect`}>Reconnect</a>
                    )}
                    {connection.origin === 'api' && <button type="button" class="danger" onClick={() => remove(connection.name)}>Delete</button>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
