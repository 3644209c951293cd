import { useState } from 'preact/hooks';
import { request } from '../api/client.js';
import { ApiError, describeError } from '../api/errors.js';
import { storeIdentity, storeToken } from './token.js';
import { Field } from '../ui/components.jsx';

/**
 * Checks a token with GET /api/me. A 404 means a runtime without /api/me (before API tokens existed): the token is
 * taken, and the first data call tells whether it works. Without `fetchImpl` (tests pass one) the client uses fetch.
 */
export async function checkToken(token, fetchImpl) {
  try {
    const me = await request('GET', '/api/me', { token, fetchImpl, signIn: true });
    return { ok: true, me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { ok: true, me: null };
    if (error instanceof ApiError && error.status === 401) {
      return { ok: false, message: 'This token was not accepted. Check that you copied all of it, or ask an admin for a new one.' };
    }
    return { ok: false, message: describeError(error, { action: 'sign in' }) };
  }
}

export function SignInPage({ reason, onSignedIn }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Enter your API token. An admin creates tokens; the first one comes from MILLFLOW_SECURITY_ADMIN_TOKEN.');
      return;
    }
    setBusy(true);
    const result = await checkToken(value);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    storeToken(value);
    storeIdentity(result.me && typeof result.me === 'object' ? result.me : null);
    onSignedIn(value);
  };

  return (
    <div class="signin">
      <form class="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Millflow</h1>
        <p>Millflow uses the same API tokens in the browser as on the API.</p>
        {reason && <div class="note note-warning" role="status">{reason}</div>}
        <input type="text" name="username" autoComplete="username" value="api-token" hidden readOnly />
        <Field label="API token" id="token" error={error}>
          <input id="token" name="token" type="password" autoComplete="current-password" value={token}
            aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? 'token-error' : undefined}
            onInput={(e) => setToken(e.currentTarget.value)} autoFocus />
        </Field>
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
