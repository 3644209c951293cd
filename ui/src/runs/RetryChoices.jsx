import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Note, useLoad } from '../ui/components.jsx';
import { navigate } from '../app/routes.js';
import { retryChoices, retryRequest } from './retryChoices.js';

/** A run at an incident: which version a retry runs, and the ways on (same version, latest version, a new run). */
export function RetryChoices({ run, onRetried }) {
  const versions = useLoad(() => api.get(`/api/flows/${encodeURIComponent(run.flowId)}/versions`), [run.flowId]);
  const engine = useLoad(() => api.get('/api/engine'), []);
  const latest = versions.data?.[0]?.version ?? null;
  const { choices, advice } = retryChoices(run, latest, engine.data);
  const [state, setState] = useState({ busy: null, error: null, done: null });

  const choose = async (choice) => {
    setState({ busy: choice.kind, error: null, done: null });
    try {
      const { path, body } = retryRequest(run, choice);
      const answer = await api.post(path, body);
      if (choice.kind === 'new') {
        navigate(`/runs/${answer.id}`);
        return;
      }
      setState({ busy: null, error: null, done: answer.flowVersion });
      onRetried();
    } catch (error) {
      setState({ busy: null, error, done: null });
    }
  };

  if (state.done !== null) return <Note kind="success">The failed steps run again, on v{state.done}.</Note>;
  return (
    <div class="card retry-choices" data-testid="retry-choices">
      <p>{advice}</p>
      <div class="actions">
        {choices.map((choice, i) => (
          <button type="button" class={i === 0 ? 'primary' : ''} key={choice.kind}
            disabled={state.busy !== null || Boolean(choice.unavailable)}
            aria-describedby={choice.unavailable ? `retry-${choice.kind}-unavailable` : undefined}
            onClick={() => choose(choice)}>
            {state.busy === choice.kind ? 'Working…' : choice.label}
          </button>
        ))}
      </div>
      {choices.filter((choice) => choice.unavailable).map((choice) => (
        <p class="muted" id={`retry-${choice.kind}-unavailable`} key={choice.kind} data-testid="retry-unavailable">
          {choice.label}: {choice.unavailable}
        </p>
      ))}
      <ErrorNote error={state.error} action="retry the run" />
    </div>
  );
}
