import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, Field, Note, PageHeader, SecretOnce, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { EVENT_TYPES, subscriptionProblems } from './subscriptionForm.js';

/** Outbound event subscriptions: create one (its secret shown once), see each one's deliveries, delete. */
export function SubscriptionsPage() {
  const list = useLoad(() => api.get('/api/subscriptions'), []);
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState(['sync.failed', 'connection.reauth_required', 'flow.incident']);
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [created, setCreated] = useState(null);
  const [open, setOpen] = useState(null);

  const create = async (event) => {
    event.preventDefault();
    const problems = subscriptionProblems(url, types);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setFailure(null);
    try {
      setCreated(await api.post('/api/subscriptions', { url: url.trim(), eventTypes: types }));
      setUrl('');
      list.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async (id) => {
    if (!confirm('Delete this subscription? Its URL gets no more events.')) return;
    try {
      await api.del(`/api/subscriptions/${id}`);
      list.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const toggle = (type) => setTypes((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));

  return (
    <section>
      <PageHeader title="Event subscriptions" />
      <p class="muted">Millflow posts these events, signed with the subscription's secret, to your URL, with retries.</p>
      <form class="card" onSubmit={create} noValidate aria-label="New subscription">
        <Field label="URL" id="sub-url" error={errors.url} hint="Where Millflow posts the events (https; http only on this machine).">
          <input id="sub-url" type="url" value={url} placeholder="https://hooks.example.com/millflow"
            onInput={(e) => setUrl(e.currentTarget.value)} aria-invalid={errors.url ? 'true' : 'false'} />
        </Field>
        <fieldset>
          <legend>Events</legend>
          {EVENT_TYPES.map(([type, label]) => (
            <label key={type} style={{ display: 'block' }}>
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} /> <code>{type}</code> {label}
            </label>
          ))}
          {errors.eventTypes && <p class="field-error" role="alert">{errors.eventTypes}</p>}
        </fieldset>
        <button type="submit" class="primary">Subscribe</button>
        <ErrorNote error={failure} action="save the subscription" />
      </form>
      {created && (
        <div class="card" data-testid="subscription-created">
          <Note kind="warning">Copy the secret now: it is shown only this once. {created.note}</Note>
          <SecretOnce label="Secret" value={created.secret} />
        </div>
      )}
      <h2>Subscriptions</h2>
      <ErrorNote error={list.error} action="load the subscriptions" />
      {list.data && list.data.length === 0 && <p>No subscriptions yet.</p>}
      {list.data && list.data.length > 0 && (
        <table class="table" data-testid="subscriptions-table">
          <thead><tr><th>URL</th><th>Events</th><th>Created</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {list.data.map((subscription) => (
              <>
                <tr key={subscription.id}>
                  <td class="mono">{subscription.url}</td>
                  <td>{subscription.eventTypes.join(', ')}</td>
                  <td>{formatTime(subscription.createdAt)}</td>
                  <td class="row-actions">
                    <button type="button" aria-expanded={open === subscription.id}
                      onClick={() => setOpen(open === subscription.id ? null : subscription.id)}>Deliveries</button>
                    <button type="button" class="danger" onClick={() => remove(subscription.id)}>Delete</button>
                  </td>
                </tr>
                {open === subscription.id && <tr><td colSpan={4}><Deliveries id={subscription.id} /></td></tr>}
              </>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Deliveries({ id }) {
  const deliveries = useLoad(() => api.get(`/api/subscriptions/${id}/deliveries`), [id], 5000);
  if (deliveries.error) return <ErrorNote error={deliveries.error} action="load the deliveries" />;
  if (!deliveries.data) return <p class="loading">Loading deliveries…</p>;
  if (deliveries.data.length === 0) return <p class="muted">No event delivered yet.</p>;
  return (
    <table class="table" data-testid="deliveries-table">
      <thead><tr><th>Event</th><th>Status</th><th>Attempts</th><th>Created</th><th>Delivered</th><th>Last error</th></tr></thead>
      <tbody>
        {deliveries.data.map((d) => (
          <tr key={d.eventId}>
            <td><code>{d.type}</code></td>
            <td><Badge status={d.status} /></td>
            <td>
              <ol class="attempts" aria-label={`Attempts to deliver ${d.type}`}>
                {(d.history || []).map((t) => (
                  <li key={t.attempt} title={t.error || undefined}>
                    {formatTime(t.at)}: {t.statusCode ?? 'no answer'} ({t.durationMs} ms)
                  </li>
                ))}
              </ol>
            </td>
            <td>{formatTime(d.createdAt)}</td>
            <td>{formatTime(d.deliveredAt)}</td>
            <td>{d.lastError}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
