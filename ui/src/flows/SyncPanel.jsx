import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Note, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { backfillBody } from './backfill.js';

/** A flow's sync cursors (where each incremental read resumes): reset them, or run a backfill over a past window. */
export function SyncPanel({ flowId }) {
  const path = `/api/flows/${encodeURIComponent(flowId)}`;
  const cursors = useLoad(() => api.get(`${path}/sync-state`), [flowId]);
  const [window, setWindow] = useState({ from: '', to: '' });
  const [state, setState] = useState({ error: null, note: null, run: null });

  const reset = async () => {
    if (!confirm(`Forget the cursors of ${flowId}? Its next run reads everything again.`)) return;
    try {
      const answer = await api.del(`${path}/sync-state`);
      setState({ error: null, note: `${answer.reset} cursor(s) reset: the next run reads everything.`, run: null });
      await cursors.reload();
    } catch (error) {
      setState({ error, note: null, run: null });
    }
  };
  const backfill = async (event) => {
    event.preventDefault();
    try {
      const run = await api.post(`${path}/backfill`, backfillBody(window.from, window.to));
      setState({ error: null, note: null, run });
    } catch (error) {
      setState({ error, note: null, run: null });
    }
  };
  const id = (name) => `${name}-${flowId}`;
  return (
    <div class="sync-panel" data-testid="sync-panel">
      <ErrorNote error={cursors.error} action="load the sync cursors" />
      {cursors.data && cursors.data.length === 0 && <p class="muted">No committed cursor: the next run reads everything.</p>}
      {cursors.data && cursors.data.length > 0 && (
        <table class="table" data-testid="sync-cursors">
          <thead><tr><th>Step</th><th>Connection</th><th>Resumes after</th><th>Committed</th></tr></thead>
          <tbody>
            {cursors.data.map((cursor) => (
              <tr key={`${cursor.elementId}-${cursor.connection}`}>
                <td class="mono">{cursor.elementId}</td>
                <td>{cursor.connection}</td>
                <td class="mono">{cursor.cursor}</td>
                <td>{cursor.runId ? <a href={`#/runs/${cursor.runId}`}>{formatTime(cursor.updatedAt)}</a> : formatTime(cursor.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="button" class="danger" onClick={reset} disabled={!cursors.data?.length}>Reset cursors</button>
      </div>
      <form class="backfill-form" onSubmit={backfill}>
        <label for={id('backfill-from')}>Backfill from</label>
        <input id={id('backfill-from')} type="datetime-local" required value={window.from}
          onInput={(event) => setWindow({ ...window, from: event.currentTarget.value })} />
        <label for={id('backfill-to')}>to</label>
        <input id={id('backfill-to')} type="datetime-local" required value={window.to}
          onInput={(event) => setWindow({ ...window, to: event.currentTarget.value })} />
        <button type="submit">Start backfill</button>
      </form>
      <p class="muted"><small>A backfill reads the window whatever the cursors, and moves no cursor.</small></p>
      {state.note && <Note kind="success">{state.note}</Note>}
      {state.run && <Note kind="success">Backfill started: <a href={`#/runs/${state.run.id}`}>run {state.run.id.slice(0, 8)}</a>.</Note>}
      <ErrorNote error={state.error} action="change the flow's syncs" />
    </div>
  );
}
