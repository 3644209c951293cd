import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { Badge, ErrorNote, PageHeader, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { webhookUrl } from './webhookUrl.js';

/** Webhook triggers, and every flow's schedules with their next fire time. */
export function TriggersPage() {
  const triggers = useLoad(() => api.get('/api/triggers'), []);
  const schedules = useLoad(() => api.get('/api/schedules'), [], 30_000);
  // a Camunda 8 cluster cannot pause schedules: the buttons say so instead of answering 409
  const engine = useLoad(() => api.get('/api/engine'), []);
  const pauseRefused = engine.data?.pauseSchedules?.supported === false ? engine.data.pauseSchedules.reason : null;
  const [pauseError, setPauseError] = useState(null);
  const togglePause = async (schedule) => {
    const path = `/api/schedules/${encodeURIComponent(schedule.flowId)}/pause`;
    setPauseError(null);
    try {
      await (schedule.pausedAt ? api.del(path) : api.post(path));
      await schedules.reload();
    } catch (error) {
      setPauseError(error);
    }
  };
  return (
    <section>
      <PageHeader title="Triggers & schedules">
        <a class="button primary" href="#/triggers/new">New webhook trigger</a>
      </PageHeader>
      <h2>Webhook triggers</h2>
      <ErrorNote error={triggers.error} action="load the triggers" />
      {triggers.data && triggers.data.length === 0 && <p>No webhook triggers yet. Create one to start flows when another system calls Millflow.</p>}
      {triggers.data && triggers.data.length > 0 && (
        <table class="table" data-testid="triggers-table">
          <thead><tr><th>Trigger</th><th>URL</th><th>Signature</th><th>Routes</th><th>Created</th></tr></thead>
          <tbody>
            {triggers.data.map((trigger) => (
              <tr key={trigger.id}>
                <td>
                  <a href={`#/triggers/${trigger.id}`}><strong>{trigger.name}</strong></a>
                  {trigger.pausedAt && <> <Badge status="paused" /></>}
                </td>
                <td class="mono">{webhookUrl(trigger.url)}</td>
                <td>{trigger.signature?.type}</td>
                <td>{trigger.routes.map((route) => route.flowId || route.message?.name).join(', ')}</td>
                <td>{formatTime(trigger.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Schedules</h2>
      <p class="muted">Timer start events of the flows; change them in the designer. Paused, a flow's timers do not fire.</p>
      <ErrorNote error={schedules.error} action="load the schedules" />
      <ErrorNote error={pauseError} action="pause or resume the schedule" />
      {pauseRefused && <p class="note note-warning" id="pause-unavailable" data-testid="pause-unavailable">{pauseRefused}</p>}
      {schedules.data && schedules.data.length === 0 && <p>No flow has a timer start event.</p>}
      {schedules.data && schedules.data.length > 0 && (
        <table class="table" data-testid="schedules-table">
          <thead><tr><th>Flow</th><th>Timer</th><th>Kind</th><th>Expression</th><th>Next run</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {schedules.data.map((schedule) => (
              <tr key={`${schedule.flowId}:${schedule.elementId}`}>
                <td><a href={`#/flows/${encodeURIComponent(schedule.flowId)}/design`}>{schedule.flowId}</a> <span class="muted">v{schedule.version}</span></td>
                <td>{schedule.name || schedule.elementId}</td>
                <td>{String(schedule.kind).toLowerCase()}</td>
                <td class="mono">{schedule.expression}</td>
                <td>
                  {schedule.pausedAt ? <><Badge status="paused" /> <span class="muted">since {formatTime(schedule.pausedAt)}</span></>
                    : schedule.nextFireAt ? formatTime(schedule.nextFireAt) : <span class="muted">{schedule.note || 'never again'}</span>}
                </td>
                <td>
                  <button type="button" onClick={() => togglePause(schedule)}
                    disabled={Boolean(pauseRefused) && !schedule.pausedAt}
                    aria-describedby={pauseRefused ? 'pause-unavailable' : undefined}
                    aria-label={`${schedule.pausedAt ? 'Resume' : 'Pause'} the schedules of ${schedule.flowId}`}>
                    {schedule.pausedAt ? 'Resume' : 'Pause'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
