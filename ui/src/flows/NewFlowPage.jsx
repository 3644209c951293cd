import { useState } from 'preact/hooks';
import { api, fetchBpmn } from '../api/client.js';
import { ErrorNote, Field, PageHeader, useLoad } from '../ui/components.jsx';
import { documentationOf, flowIdProblem, suggestFlowId } from './starters.js';
import { navigate } from '../app/routes.js';

const BLANK = { id: '', name: 'Blank flow', description: 'An empty flow with a start event: add steps from the palette.' };

/** The flows, with what each shipped one does (its BPMN documentation) as the starter's description. */
async function loadStarters() {
  const flows = await api.get('/api/flows');
  return Promise.all(flows.map(async (flow) => {
    if (flow.origin !== 'bundled') return flow;
    const description = await fetchBpmn(flow.id).then(documentationOf).catch(() => null);
    return { ...flow, description };
  }));
}

/** Pick a starter (a shipped flow, or blank), name the new flow, and open it in the designer. */
export function NewFlowPage() {
  const flows = useLoad(loadStarters, []);
  const starters = [BLANK, ...(flows.data || []).filter((flow) => flow.origin === 'bundled')];
  const taken = (flows.data || []).map((flow) => flow.id);
  const [starter, setStarter] = useState('');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [problem, setProblem] = useState(null);

  const chosen = starters.find((s) => s.id === starter) || BLANK;
  const effectiveId = idTouched ? id : suggestFlowId(name || (chosen.id ? `${chosen.id}-copy` : ''), taken);

  const submit = (event) => {
    event.preventDefault();
    const error = flowIdProblem(effectiveId, taken);
    if (error) {
      setProblem(error);
      return;
    }
    navigate(`/flows/${encodeURIComponent(effectiveId)}/design`, {
      starter: chosen.id || 'blank',
      name: name || chosen.name
    });
  };

  return (
    <section>
      <PageHeader title="New flow" />
      <ErrorNote error={flows.error} action="load the starters" />
      <form onSubmit={submit} class="stack">
        <fieldset class="starters">
          <legend>Start from</legend>
          {starters.map((s) => (
            <label class={`starter${(s.id || '') === starter ? ' selected' : ''}`} key={s.id || 'blank'}>
              <input type="radio" name="starter" value={s.id} checked={(s.id || '') === starter}
                onChange={() => setStarter(s.id || '')} />
              <strong>{s.name}</strong>
              <span class="muted mono">{s.id || 'empty'}</span>
              {s.description && <span class="muted">{s.description}</span>}
            </label>
          ))}
        </fieldset>
        <div class="form-row">
          <Field label="Name" id="flow-name" hint="What the flow does, e.g. “Plex POs to warehouse”.">
            <input id="flow-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field label="Flow id" id="flow-id" error={problem} hint="The BPMN process id; runs and triggers name the flow by it.">
            <input id="flow-id" class="mono" value={effectiveId} aria-invalid={problem ? 'true' : 'false'}
              onInput={(e) => { setIdTouched(true); setId(e.currentTarget.value); setProblem(null); }} />
          </Field>
        </div>
        <div><button type="submit" class="primary">Open in designer</button></div>
      </form>
    </section>
  );
}
