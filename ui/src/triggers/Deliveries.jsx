import { api } from '../api/client.js';
import { ErrorNote, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { rejectionAnswer, routeVerdict, shownPayload } from './deliveries.js';

const path = (triggerId) => `/api/triggers/${encodeURIComponent(triggerId)}`;

/** One delivery opened: the headers received (credentials masked), the payload, and why each route matched or not. */
export function DeliveryDetail({ triggerId, eventId }) {
  const detail = useLoad(() => api.get(`${path(triggerId)}/events/${eventId}`), [triggerId, eventId]);
  if (detail.error) return <ErrorNote error={detail.error} action="load the delivery" />;
  if (!detail.data) return <p class="loading">Loading the delivery…</p>;
  const payload = shownPayload(detail.data);
  const headers = Object.entries(detail.data.headers || {});
  return (
    <div class="delivery-detail" data-testid="delivery-detail">
      <h3>Routes evaluated</h3>
      {detail.data.routes.length === 0 ? <p class="muted">Not dispatched yet.</p> : (
        <ul data-testid="route-verdicts">
          {detail.data.routes.map((evaluation) => {
            const verdict = routeVerdict(evaluation);
            return (
              <li key={evaluation.route} data-matched={String(verdict.matched)}>
                Route {evaluation.route + 1} <code>{evaluation.condition || '(always)'}</code>: {verdict.text}
              </li>
            );
          })}
        </ul>
      )}
      <h3>Headers received</h3>
      {headers.length === 0 ? <p class="muted">Not kept for this delivery.</p> : (
        <table class="table compact" data-testid="delivery-headers">
          <tbody>{headers.map(([name, value]) => <tr key={name}><td class="mono">{name}</td><td class="mono">{value}</td></tr>)}</tbody>
        </table>
      )}
      <h3>Payload</h3>
      {payload.note && <p class="muted">{payload.note}</p>}
      <pre class="mono" data-testid="delivery-payload">{payload.text}</pre>
    </div>
  );
}

/** The requests the trigger refused lately, with their answer and reason (never their bodies). */
export function Rejections({ triggerId, refreshMs }) {
  const rejections = useLoad(() => api.get(`${path(triggerId)}/rejections?limit=50`), [triggerId], refreshMs);
  return (
    <>
      <h2>Refused requests</h2>
      <ErrorNote error={rejections.error} action="load the refused requests" />
      {rejections.data && rejections.data.length === 0 && <p class="muted">No request was refused lately.</p>}
      {rejections.data && rejections.data.length > 0 && (
        <table class="table" data-testid="rejections-table">
          <thead><tr><th>Received</th><th>Answer</th><th>Reason</th></tr></thead>
          <tbody>
            {rejections.data.map((rejection, i) => (
              <tr key={i} data-status={rejection.status}>
                <td>{formatTime(rejection.receivedAt)}</td>
                <td>{rejectionAnswer(rejection.status)}</td>
                <td>{rejection.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
