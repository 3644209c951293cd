import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Field, Note, PageHeader } from '../ui/components.jsx';
import { navigate } from '../app/routes.js';
import { CheckResult } from './CheckResult.jsx';
import { connectionRequest, credentialFields, findSystems, systemOf, systemsFrom, validateConnection } from './systems.js';

const HIDDEN = '(hidden)';

const emptyForm = (system) => ({
  name: '', settings: {}, credentials: {}, extra: [], authMode: system?.authModes?.[0]?.id || null
});

/** The guided connect flow: pick the system, enter URL and credentials, test, save. `existingName`: reconnect. */
export function ConnectPage({ existingName }) {
  const [search, setSearch] = useState('');
  const [system, setSystem] = useState(null);
  const [form, setForm] = useState(emptyForm(null));
  const [errors, setErrors] = useState({});
  const [check, setCheck] = useState(null);
  const [busy, setBusy] = useState(null);
  const [failure, setFailure] = useState(null);
  const [lastAction, setLastAction] = useState(null);
  const [loadedFiles, setLoadedFiles] = useState({});
  const clearFile = (key) => {
    setLoadedFiles((loaded) => ({ ...loaded, [key]: undefined }));
    setForm((f) => ({ ...f, credentials: { ...f.credentials, [key]: '' } }));
  };
  const [hiddenSettings, setHiddenSettings] = useState([]);
  const [known, setKnown] = useState([]);

  useEffect(() => {
    api.get('/api/connection-types').then((types) => setKnown(systemsFrom(types))).catch(setFailure);
  }, []);

  useEffect(() => {
    if (!existingName || known.length === 0) return;
    api.get(`/api/connections/${encodeURIComponent(existingName)}`).then((connection) => {
      const chosen = systemOf(connection.type, known);
      const fields = new Set(chosen.settings.map((field) => field.key));
      const settings = {};
      const extra = [];
      const hidden = [];
      for (const [key, value] of Object.entries(connection.settings || {})) {
        if (String(value).includes(HIDDEN)) hidden.push(key);
        else if (fields.has(key)) settings[key] = value;
        else extra.push({ key, value });
      }
      const mode = chosen.authModes?.find((m) => m.credentials.some((f) => connection.credentials.includes(f.key)));
      setSystem(chosen);
      setHiddenSettings(hidden);
      setForm({ name: connection.name, settings, credentials: {}, extra, authMode: mode?.id || chosen.authModes?.[0]?.id || null });
    }).catch(setFailure);
  }, [existingName, known]);

  const choose = (chosen) => {
    setSystem(chosen);
    setForm({ ...emptyForm(chosen), name: form.name || chosen.type });
    setErrors({});
    setCheck(null);
  };
  const setValue = (group, key) => (event) => {
    const value = event.currentTarget.value;
    setForm((f) => ({ ...f, [group]: { ...f[group], [key]: value } }));
  };
  const readFile = (key) => async (event) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    const text = await file.text();
    if (!text.includes('PRIVATE KEY')) {
      setErrors((e) => ({ ...e, [`credentials.${key}`]: `${file.name} holds no PEM private key: choose the private.pem you made with openssl.` }));
      return;
    }
    setErrors((e) => ({ ...e, [`credentials.${key}`]: undefined }));
    setLoadedFiles((loaded) => ({ ...loaded, [key]: file.name }));
    setForm((f) => ({ ...f, credentials: { ...f.credentials, [key]: text } }));
  };

  const options = { keepCredentials: Boolean(existingName) };
  const run = async (what) => {
    const problems = validateConnection(form, system, options);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(what);
    setLastAction(what);
    setFailure(null);
    try {
      const body = connectionRequest(form, system, options);
      if (what === 'test') {
        setCheck(existingName && !body.credentials
          ? await api.post(`/api/connections/${encodeURIComponent(form.name)}/test`)
          : await api.post('/api/connections/test', body));
      } else {
        await api.put(`/api/connections/${encodeURIComponent(form.name)}`, body);
        navigate('/connections', { saved: form.name });
      }
    } catch (error) {
      setFailure(error);
      if (error.field) setErrors({ [error.field]: error.message }); // the runtime named the field: mark it
    } finally {
      setBusy(null);
    }
  };

  const systems = findSystems(known, search);
  const credentialList = system ? credentialFields(system, form.authMode) : [];
  return (
    <section>
      <PageHeader title={existingName ? `Reconnect ${existingName}` : 'Connect a system'} />
      {!existingName && (
        <fieldset>
          <legend>1. Choose the system</legend>
          <Field label="Search systems" id="system-search">
            <input id="system-search" type="search" value={search} placeholder="Plex, NetSuite, PostgreSQL…"
              onInput={(e) => setSearch(e.currentTarget.value)} />
          </Field>
          <ul class="systems" aria-label="Systems">
            {systems.map((s) => (
              <li key={s.type}>
                <button type="button" class={`system${system?.type === s.type ? ' selected' : ''}`}
                  aria-pressed={system?.type === s.type} onClick={() => choose(s)}>
                  <strong>{s.name}</strong><span class="muted">{s.group}</span>
                </button>
              </li>
            ))}
          </ul>
          {systems.length === 0 && <p class="muted">No system matches “{search}”. Clear the search to see all.</p>}
        </fieldset>
      )}
      {system && (
        <form class="card" onSubmit={(e) => { e.preventDefault(); run('save'); }} noValidate aria-label="Connection details">
          <h2>{existingName ? '' : '2. '}{system.name}</h2>
          {system.help && <p class="muted">{system.help}</p>}
          <div class="form-row">
            <Field label="Connection name" id="conn-name" error={errors.name} hint="Steps refer to the connection by this name.">
              <input id="conn-name" value={form.name} disabled={Boolean(existingName)} aria-invalid={errors.name ? 'true' : 'false'}
                onInput={(e) => { const name = e.currentTarget.value; setForm((f) => ({ ...f, name })); }} />
            </Field>
          </div>
          <div class="form-row">
            {system.settings.map((field) => (
              <Field key={field.key} label={field.label} id={`setting-${field.key}`} hint={field.hint}
                error={errors[`settings.${field.key}`]}>
                {field.choices ? (
                  <select id={`setting-${field.key}`} value={form.settings[field.key] || ''} onChange={setValue('settings', field.key)}>
                    <option value="">{field.placeholder ? `Default (${field.placeholder})` : '—'}</option>
                    {field.choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.name}</option>)}
                  </select>
                ) : (
                  <input id={`setting-${field.key}`} type={field.secret ? 'password' : 'text'} autoComplete="off"
                    value={form.settings[field.key] || ''} placeholder={field.placeholder}
                    aria-invalid={errors[`settings.${field.key}`] ? 'true' : 'false'} onInput={setValue('settings', field.key)} />
                )}
              </Field>
            ))}
          </div>
          {hiddenSettings.length > 0 && (
            <Note kind="warning">The settings {hiddenSettings.join(', ')} hold secrets that are not shown: enter them again, or saving drops them.</Note>
          )}
          {system.authModes && (
            <fieldset>
              <legend>Sign-in method</legend>
              {system.authModes.map((mode) => (
                <label key={mode.id} style={{ display: 'block' }}>
                  <input type="radio" name="auth-mode" value={mode.id} checked={form.authMode === mode.id}
                    onChange={() => setForm((f) => ({ ...f, authMode: mode.id, credentials: {} }))} /> {mode.label}
                </label>
              ))}
            </fieldset>
          )}
          {credentialList.length > 0 && (
            <fieldset>
              <legend>Credentials</legend>
              {existingName && <p class="muted">Leave all empty to keep the stored credentials; they are never shown.</p>}
              <div class="form-row">
                {credentialList.map((field) => (
                  <Field key={field.key} label={field.label} id={`cred-${field.key}`} error={errors[`credentials.${field.key}`]}
                    hint={field.file && !loadedFiles[field.key] ? 'Upload the PEM file, or paste it below.' : undefined}>
                    {field.file && !loadedFiles[field.key] && (
                      <input id={`cred-${field.key}-file`} type="file" accept={field.file} aria-label={`${field.label}: upload file`}
                        onChange={readFile(field.key)} />
                    )}
                    {field.file && loadedFiles[field.key] && (
                      <p class="file-loaded" role="status">
                        Key loaded from {loadedFiles[field.key]} (not shown).{' '}
                        <button type="button" class="link-button" onClick={() => clearFile(field.key)}>Choose another</button>
                      </p>
                    )}
                    {field.file ? (!loadedFiles[field.key] && (
                      <textarea id={`cred-${field.key}`} class="mono secret-text" rows={3} value={form.credentials[field.key] || ''}
                        placeholder="-----BEGIN PRIVATE KEY-----" autoComplete="off" spellcheck={false}
                        onInput={setValue('credentials', field.key)} />
                    )) : (
                      <input id={`cred-${field.key}`} type={field.secret ? 'password' : 'text'} autoComplete="off"
                        value={form.credentials[field.key] || ''} aria-invalid={errors[`credentials.${field.key}`] ? 'true' : 'false'}
                        onInput={setValue('credentials', field.key)} />
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          )}
          <ExtraSettings rows={form.extra} onChange={(extra) => setForm((f) => ({ ...f, extra }))} />
          <div class="actions">
            <button type="button" onClick={() => run('test')} disabled={Boolean(busy)}>{busy === 'test' ? 'Testing…' : 'Test connection'}</button>
            <button type="submit" class="primary" disabled={Boolean(busy)}>{busy === 'save' ? 'Saving…' : 'Save connection'}</button>
          </div>
          <CheckResult check={check} />
          <ErrorNote error={failure} action={lastAction === 'save' ? 'save the connection' : 'test the connection'} />
        </form>
      )}
      {!system && existingName && <ErrorNote error={failure} action="load the connection" />}
    </section>
  );
}

function ExtraSettings({ rows, onChange }) {
  const update = (index, key) => (event) => {
    const value = event.currentTarget.value;
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  return (
    <details open={rows.length > 0}>
      <summary>Other settings ({rows.length})</summary>
      {rows.map((row, index) => (
        <div class="form-row" key={index}>
          <Field label="Setting" id={`extra-key-${index}`}>
            <input id={`extra-key-${index}`} value={row.key} onInput={update(index, 'key')} />
          </Field>
          <Field label="Value" id={`extra-value-${index}`}>
            <input id={`extra-value-${index}`} value={row.value} onInput={update(index, 'value')} />
          </Field>
          <div><button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>Remove</button></div>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>Add a setting</button>
    </details>
  );
}
