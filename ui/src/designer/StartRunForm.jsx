import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Field } from '../ui/components.jsx';

/** Starts a run of the deployed flow with the variables typed as JSON and an optional business key, then links to it. */
export function StartRunForm({ flowId, version, dirty, parse }) {
  const [text, setText] = useState('');
  const [businessKey, setBusinessKey] = useState('');
  const [problem, setProblem] = useState(null);
  const [error, setError] = useState(null);
  const [run, setRun] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    const parsed = parse(text);
    setProblem(parsed.error || null);
    if (parsed.error) return;
    setBusy(true);
    setError(null);
    try {
      const body = { variables: parsed.variables };
      if (businessKey.trim()) body.businessKey = businessKey.trim();
      setRun(await api.post(`/api/flows/${encodeURIComponent(flowId)}/runs`, body));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card start-run" onSubmit={submit} aria-label="Start a run">
      {dirty && <p class="note note-warning">This starts version {version}, the deployed one: deploy first to run your changes.</p>}
      <Field label="Variables (JSON object, optional)" id="run-variables" error={problem}
        hint='For example {"since": "2026-01-01T00:00:00Z"}'>
        <textarea id="run-variables" class="mono" rows={3} value={text} aria-invalid={problem ? 'true' : 'false'}
          onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      <Field label="Business key (optional)" id="run-business-key" hint="What the run is about, e.g. an order number; the runs list finds the run by it">
        <input id="run-business-key" maxLength={200} value={businessKey} onInput={(e) => setBusinessKey(e.currentTarget.value)} />
      </Field>
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Starting…' : `Start ${flowId}`}</button>
      <ErrorNote error={error} action="start the run" />
      {run && <p class="note note-success" role="status" data-testid="started-run">Run started: <a href={`#/runs/${run.id}`}>open run {run.id.slice(0, 8)}</a>.</p>}
    </form>
  );
}
