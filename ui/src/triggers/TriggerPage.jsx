import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, Note, PageHeader, SecretOnce, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import {
  editableRoutes, emptyRoute, routesUpdate, runIdsOf, serverFieldErrors, signingExample, validateRoutes
} from './triggerForm.js';
import { RoutesEditor } from './RoutesEditor.jsx';
import { webhookUrl } from './webhookUrl.js';
import { DeliveryDetail, Rejections } from './Deliveries.jsx';
import { navigate } from '../app/routes.js';

const REFRESH_MS = 3000;

/**
 * A trigger: its URL and routes, the events it received (each opened: headers, payload, why each route matched) with
 * the runs they started, the requests it refused, replay, rotate the secret, delete.
 */
export function TriggerPage({ triggerId }) {
  const triggers = useLoad(() => api.get('/api/triggers'), [triggerId]);
  const events = useLoad(() => api.get(`/api/triggers/${encodeURIComponent(triggerId)}/events?limit=50`), [triggerId], REFRESH_MS);
  const [secret, setSecret] = useState(null);
  const [failure, setFailure] = useState(null);
  const trigger = triggers.data?.find((t) => t.id === triggerId);
  const [editing, setEditing] = useState(null);
  const flows = useLoad(() => (editing ? api.get('/api/flows') : null), [Boolean(editing)]);

  const startEditing = () => setEditing({ routes: editableRoutes(trigger), matchAll: trigger.matchAll, errors: {}, error: null });
  const saveRoutes = async (event) => {
    event.preventDefault();
    const errors = validateRoutes(editing.routes);
    if (Object.keys(errors).length) {
      setEditing({ ...editing, errors });
      return;
    }
    try {
      await api.put(`/api/triggers/${encodeURIComponent(triggerId)}/routes`, routesUpdate(editing.routes, editing.matchAll));
      setEditing(null);
      triggers.reload();
    } catch (error) {
      setEditing({ ...editing, errors: serverFieldErrors(error), error });
    }
  };

  const rotate = async () => {
    if (!confirm('Make a new secret? The current one keeps verifying for 60 minutes, so the sender can switch.')) return;
    try {
      setSecret(await api.post(`/api/triggers/${encodeURIComponent(triggerId)}/rotate-secret?graceMinutes=60`));
    } catch (error) {
      setFailure(error);
    }
  };
  // Paused, the endpoint answers 503 with Retry-After: senders that retry deliver once it is resumed.
  const togglePause = async () => {
    const path = `/api/triggers/${encodeURIComponent(triggerId)}/pause`;
    try {
      await (trigger.pausedAt ? api.del(path) : api.post(path));
      triggers.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  // Signed on the server with the trigger's secret, received as a sender's request: it starts what its routes match.
  const [testEvent, setTestEvent] = useState(null);
  const sendTestEvent = async () => {
    try {
      setTestEvent(await api.post(`/api/triggers/${encodeURIComponent(triggerId)}/test-event`, {}));
      events.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const [opened, setOpened] = useState(null);
  const remove = async () => {
    if (!confirm(`Delete trigger ${trigger.name}? Its URL then answers 404 and its deliveries are gone.`)) return;
    try {
      await api.del(`/api/triggers/${encodeURIComponent(triggerId)}`);
      navigate('/triggers');
    } catch (error) {
      setFailure(error);
    }
  };
  const replay = async (eventId) => {
    try {
      await api.post(`/api/triggers/${encodeURIComponent(triggerId)}/events/${eventId}/replay`);
      events.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  if (!trigger) {
    return (
      <section>
        <PageHeader title="Trigger" />
        <ErrorNote error={triggers.error} action="load the trigger" />
        {triggers.data && <Note kind="warning">There is no trigger {triggerId}. <a href="#/triggers">See all triggers</a>.</Note>}
      </section>
    );
  }
  const url = webhookUrl(trigger.url);
  return (
    <section>
      <PageHeader title={trigger.name}>
        <button type="button" onClick={sendTestEvent}>Send test event</button>
        <button type="button" onClick={togglePause}>{trigger.pausedAt ? 'Resume' : 'Pause'}</button>
        <button type="button" onClick={rotate}>Rotate secret…</button>
        <button type="button" class="danger" onClick={remove}>Delete…</button>
      </PageHeader>
      {trigger.pausedAt && (
        <Note kind="warning">
          <span data-testid="trigger-paused">Paused since {formatTime(trigger.pausedAt)}</span>: requests are answered 503 with
          Retry-After and not stored; senders that retry deliver them once you resume.
        </Note>
      )}
      <ErrorNote error={failure} />
      {testEvent && (
        <Note kind="success"><span data-testid="test-event-sent">Test event {testEvent.eventId} accepted</span>: it is in the
          deliveries below once dispatched.</Note>
      )}
      {secret && (
        <div class="card">
          <Note kind="warning">{secret.note} Copy the new secret now: it is shown only this once.</Note>
          <SecretOnce label="New secret" value={secret.secret} />
        </div>
      )}
      <div class="card">
        <SecretOnce label="URL" value={url} />
        <p>Signature: <strong>{trigger.signature.type}</strong>{trigger.signature.header ? ` in ${trigger.signature.header}` : ''}
          {trigger.eventId ? <>; event id from <code>{trigger.eventId}</code></> : '; event id: hash of the body'}</p>
        <details><summary>How a sender signs a request</summary><pre class="mono">{signingExample(url, trigger.signature)}</pre></details>
      </div>
      <h2>Routes</h2>
      {editing ? (
        <form class="card" onSubmit={saveRoutes} noValidate aria-label="Edit routes">
          <RoutesEditor routes={editing.routes} flows={flows.data || []} errors={editing.errors} matchAll={editing.matchAll}
            onChange={(routes) => setEditing((e) => ({ ...e, routes }))}
            onMatchAll={(matchAll) => setEditing((e) => ({ ...e, matchAll }))}
            onAdd={() => setEditing((e) => ({ ...e, routes: [...e.routes, emptyRoute()] }))} />
          <div class="actions">
            <button type="submit" class="primary">Save routes</button>
            <button type="button" onClick={() => setEditing(null)}>Cancel</button>
          </div>
          <ErrorNote error={editing.error} action="save the routes" />
        </form>
      ) : (
        <p>
          {editableRoutes(trigger) ? <button type="button" onClick={startEditing}>Edit routes</button>
            : <span class="muted">This trigger correlates messages; change its routes through the API.</span>}
        </p>
      )}
      <table class="table" data-testid="routes-table">
        <thead><tr><th>Condition (FEEL)</th><th>Starts</th><th>Variables</th></tr></thead>
        <tbody>
          {trigger.routes.map((route, i) => (
            <tr key={i}>
              <td class="mono">{route.condition}</td>
              <td>{route.flowId ? <a href={`#/flows/${encodeURIComponent(route.flowId)}/design`}>{route.flowId}</a>
                : `message ${route.message?.name}`}</td>
              <td class="mono">{route.variables || <span class="muted">the whole body as body</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Recent deliveries</h2>
      <ErrorNote error={events.error} action="load the deliveries" />
      {events.data && events.data.length === 0 && <p class="muted">Nothing received yet. Send a signed request to the URL above.</p>}
      {events.data && events.data.length > 0 && (
        <table class="table" data-testid="events-table">
          <thead><tr><th>Received</th><th>Event id</th><th>Status</th><th>Attempts</th><th>Runs started</th><th>Error</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {events.data.map((event) => [
              <tr key={event.id} data-event={event.eventId}>
                <td>{formatTime(event.receivedAt)}</td>
                <td class="mono">{event.eventId}</td>
                <td><Badge status={event.status} /></td>
                <td>{event.attempts}</td>
                <td>{runIdsOf(event).map((id) => <a class="mono" href={`#/runs/${id}`} key={id}>{id.slice(0, 8)} </a>)}</td>
                <td>{event.lastError}</td>
                <td class="row-actions">
                  <button type="button" class="link-button" aria-expanded={opened === event.id}
                    onClick={() => setOpened(opened === event.id ? null : event.id)}>Details</button>
                  <button type="button" onClick={() => replay(event.id)}>Replay</button>
                </td>
              </tr>,
              opened === event.id && (
                <tr key={`${event.id}-detail`}><td colSpan={7}><DeliveryDetail triggerId={triggerId} eventId={event.id} /></td></tr>
              ),
            ])}
          </tbody>
        </table>
      )}
      <Rejections triggerId={triggerId} refreshMs={REFRESH_MS} />
    </section>
  );
}
