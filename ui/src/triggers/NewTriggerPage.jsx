import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNote, Field, Note, PageHeader, SecretOnce, useLoad } from '../ui/components.jsx';
import { SIGNATURES, emptyRoute, emptyTrigger, signingExample, triggerDefinition, validateTrigger } from './triggerForm.js';
import { webhookUrl } from './webhookUrl.js';
import { RoutesEditor } from './RoutesEditor.jsx';

/** Creates a webhook trigger; its URL and secret are shown once, here. */
export function NewTriggerPage() {
  const flows = useLoad(() => api.get('/api/flows'), []);
  const [form, setForm] = useState(emptyTrigger());
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [created, setCreated] = useState(null);
  const [busy, setBusy] = useState(false);
  const setSignature = (key) => (event) => {
    const value = event.currentTarget.value;
    setForm((f) => ({ ...f, signature: { ...f.signature, [key]: value } }));
  };

  const submit = async (event) => {
    event.preventDefault();
    const problems = validateTrigger(form);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setFailure(null);
    try {
      setCreated(await api.post('/api/triggers', triggerDefinition(form)));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const url = webhookUrl(created.trigger.url);
    return (
      <section>
        <PageHeader title={`Trigger ${created.trigger.name} created`} />
        <div class="card" data-testid="trigger-created">
          <Note kind="warning">Copy the secret now and store it with the sender: Millflow shows it only this once.</Note>
          <SecretOnce label="URL" value={url} />
          <SecretOnce label="Secret" value={created.secret} />
          <h2>How the sender signs a request</h2>
          <pre class="mono">{signingExample(url, created.trigger.signature)}</pre>
          <p><a class="button primary" href={`#/triggers/${created.trigger.id}`}>Open the trigger</a></p>
        </div>
      </section>
    );
  }

  const { signature } = form;
  return (
    <section>
      <PageHeader title="New webhook trigger" />
      <form class="card" onSubmit={submit} noValidate aria-label="Webhook trigger">
        <Field label="Name" id="trigger-name" error={errors.name}>
          <input id="trigger-name" value={form.name} aria-invalid={errors.name ? 'true' : 'false'}
            onInput={(e) => { const name = e.currentTarget.value; setForm((f) => ({ ...f, name })); }} />
        </Field>
        <fieldset>
          <legend>Signature</legend>
          <Field label="How the sender signs" id="sig-type">
            <select id="sig-type" value={signature.type} onChange={setSignature('type')}>
              {SIGNATURES.map((s) => <option value={s.type} key={s.type}>{s.label}</option>)}
            </select>
          </Field>
          {signature.type !== 'makini' && (
            <div class="form-row">
              <Field label="Header" id="sig-header" error={errors['signature.header']}>
                <input id="sig-header" value={signature.header} onInput={setSignature('header')} />
              </Field>
              {signature.type === 'hmac' && (
                <>
                  <Field label="Prefix before the signature" id="sig-prefix" hint="e.g. sha256= (GitHub); may be empty">
                    <input id="sig-prefix" value={signature.prefix} onInput={setSignature('prefix')} />
                  </Field>
                  <Field label="Algorithm" id="sig-alg">
                    <select id="sig-alg" value={signature.algorithm} onChange={setSignature('algorithm')}>
                      <option value="sha256">HMAC-SHA256</option><option value="sha512">HMAC-SHA512</option>
                    </select>
                  </Field>
                  <Field label="Encoding" id="sig-enc">
                    <select id="sig-enc" value={signature.encoding} onChange={setSignature('encoding')}>
                      <option value="hex">hex</option><option value="base64">Base64</option>
                    </select>
                  </Field>
                </>
              )}
              {signature.type === 'timestamped' && (
                <Field label="Tolerance (seconds)" id="sig-tolerance" error={errors['signature.toleranceSeconds']}>
                  <input id="sig-tolerance" type="number" min="1" value={signature.toleranceSeconds} onInput={setSignature('toleranceSeconds')} />
                </Field>
              )}
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Event id (duplicates are accepted once)</legend>
          <div class="form-row">
            <Field label="Taken from" id="eid-source">
              <select id="eid-source" value={form.eventIdSource}
                onChange={(e) => { const eventIdSource = e.currentTarget.value; setForm((f) => ({ ...f, eventIdSource })); }}>
                <option value="body">a hash of the body</option>
                <option value="header">a header</option>
                <option value="pointer">a field of the JSON body</option>
              </select>
            </Field>
            {form.eventIdSource !== 'body' && (
              <Field label={form.eventIdSource === 'header' ? 'Header' : 'JSON pointer'} id="eid-value" error={errors.eventIdValue}>
                <input id="eid-value" value={form.eventIdValue} placeholder={form.eventIdSource === 'header' ? 'X-Event-Id' : '/id'}
                  onInput={(e) => { const eventIdValue = e.currentTarget.value; setForm((f) => ({ ...f, eventIdValue })); }} />
              </Field>
            )}
          </div>
        </fieldset>
        <RoutesEditor routes={form.routes} flows={flows.data || []} errors={errors} matchAll={form.matchAll}
          onChange={(routes) => setForm((f) => ({ ...f, routes }))}
          onMatchAll={(matchAll) => setForm((f) => ({ ...f, matchAll }))} onAdd={() => setForm((f) => ({ ...f, routes: [...f.routes, emptyRoute()] }))} />
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create trigger'}</button>
        <ErrorNote error={failure} action="create the trigger" />
      </form>
    </section>
  );
}
