import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api/errors.js';

/** A status word as a coloured badge: completed, running, incident, online, failed, ... */
export function Badge({ status }) {
  const text = status || 'unknown';
  return <span class={`badge badge-${text.replace(/[^a-z_]/gi, '')}`}>{text.replace(/_/g, ' ')}</span>;
}

/** An error from an API call in words that say what to do. */
export function ErrorNote({ error, action }) {
  if (!error) return null;
  return (
    <div class="note note-error" role="alert">
      {typeof error === 'string' ? error : describeError(error, { action })}
    </div>
  );
}

export function Note({ kind = 'info', children }) {
  return <div class={`note note-${kind}`} role="status">{children}</div>;
}

/** Loads `load()` on mount and whenever `deps` change; with `everyMs`, again on that interval (live update). */
export function useLoad(load, deps = [], everyMs = 0) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let alive = true;
    let timer = null;
    const run = async () => {
      try {
        const data = await latest.current();
        if (alive) setState({ data, error: null, loading: false });
      } catch (error) {
        if (alive) setState((previous) => ({ data: previous.data, error, loading: false }));
      }
      if (alive && everyMs > 0) timer = setTimeout(run, everyMs);
    };
    run();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, deps);
  const reload = async () => {
    try {
      setState({ data: await latest.current(), error: null, loading: false });
    } catch (error) {
      setState((previous) => ({ data: previous.data, error, loading: false }));
    }
  };
  return { ...state, reload };
}

export function PageHeader({ title, children }) {
  return (
    <header class="page-header">
      <h1>{title}</h1>
      <div class="actions">{children}</div>
    </header>
  );
}

/** A label above a control, with an optional hint and an error for the field. */
export function Field({ label, id, hint, error, children }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <small class="hint" id={`${id}-hint`}>{hint}</small>}
      {error && <small class="field-error" id={`${id}-error`} role="alert">{error}</small>}
    </div>
  );
}

/** A secret shown once, with a copy button. */
export function SecretOnce({ label, value }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="secret">
      <span class="secret-label">{label}</span>
      <code data-testid="secret-value">{value}</code>
      <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  );
}
