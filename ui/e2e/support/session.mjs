// One scenario file's set-up: the packaged engine, an API client with the admin token, and a signed-in Chromium page
// that records failed calls and console errors; `close()` stops them all.
import { apiClient, startEngine } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';
import { eventually, watchFailures } from './checks.mjs';

export async function openSession() {
  const engine = await startEngine();
  const api = apiClient(engine.baseUrl, engine.token);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000); // generous: CI machines here are shared and often loaded
  const failures = watchFailures(page);
  await signIn(page, engine.baseUrl, engine.token);
  return {
    engine,
    api,
    browser,
    page,
    failures,
    url: (hash) => `${engine.baseUrl}/#${hash}`,
    close: async () => {
      await browser.close();
      await engine.stop();
    }
  };
}

/** Waits until the run has this status; answers its detail (GET /api/runs/{id}). */
export function awaitRunStatus(api, runId, status, timeoutMs = 90_000) {
  return eventually(async () => {
    const detail = await api('GET', `/api/runs/${runId}`);
    return detail.run.status === status ? detail : null;
  }, { what: `run ${runId} to be ${status}`, timeoutMs });
}

/** The base URL of the Plex sandbox the runtime started, from its `plex-sandbox` connection. */
export async function plexSandboxUrl(api) {
  const connections = await api('GET', '/api/connections');
  return connections.find((c) => c.name === 'plex-sandbox').settings.baseUrl;
}

/** Deploys a copy of a deployed flow under a new id, with `edit` applied to its BPMN. */
export async function deployCopy(api, fromId, toId, edit = (xml) => xml) {
  const bpmn = await api('GET', `/api/flows/${fromId}/bpmn`, undefined, { Accept: 'application/xml' });
  const copy = bpmn
    .replace(new RegExp(`(<bpmn:process[^>]*\\sid=")${fromId}"`), `$1${toId}"`)
    .replace(`bpmnElement="${fromId}"`, `bpmnElement="${toId}"`);
  return api('POST', '/api/flows', edit(copy));
}
