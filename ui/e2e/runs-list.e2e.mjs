// End-to-end, the runs list's last gaps of issue 21 (item 2, item 4 on a cluster): a run found by its business key and
// by the trigger that started it, a duration that stops at the incident, and the controls a Camunda 8 cluster refuses
// disabled with the reason before any click. The UI in headless Debian Chromium against the real packaged engine.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { screenshot } from './support/browser.mjs';
import { seriousViolations } from './support/accessibility.mjs';
import { awaitRunStatus, deployCopy, plexSandboxUrl, timerStartedFlow } from './support/runs.mjs';
import { openSession } from './support/session.mjs';

let session;
let engine;
let api;
let page;
let failures;
let url;

before(async () => {
  session = await openSession({ signedIn: true });
  ({ engine, api, page, failures, url } = session);
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

const FAILING = 'e2e-runs-failing';

/** What GET /api/engine answers on a Camunda 8 cluster (as ClusterModeTest checks against the cluster adapter). */
const CLUSTER_ENGINE = {
  engine: 'zeebe:https://cluster.example:443',
  embedded: false,
  pauseSchedules: {
    supported: false,
    reason: 'A Camunda 8 cluster cannot pause a flow\'s schedule: disable the timer start event in the designer and deploy instead.'
  },
  retryOnLatest: {
    supported: false,
    reason: 'A Camunda 8 cluster cannot move a running instance to another version of its flow: retry on the same version, or start a new run of the latest.'
  }
};

async function assertAccessible(what) {
  assert.deepEqual(await seriousViolations(page), [], `serious or critical accessibility violations on ${what}`);
}

describe('Runs list', { concurrency: false }, () => {
  test('a run at an incident is found by its business key, and its duration stops at the incident on the list and its page', async () => {
    await api('PUT', '/api/connections/plex-runs-wrong-key', {
      type: 'plex', settings: { baseUrl: await plexSandboxUrl(api) }, credentials: { apiKey: 'not-the-key' }
    });
    await deployCopy(api, 'plex-po-to-csv', FAILING,
      (xml) => xml.replace(/source="plex-sandbox" target="connection"/, 'source="plex-runs-wrong-key" target="connection"'));
    const businessKey = `PO-${Date.now()}`;
    const run = await api('POST', `/api/flows/${FAILING}/runs`, { variables: {}, businessKey });
    assert.equal(run.businessKey, businessKey);
    await api('POST', `/api/flows/${FAILING}/runs`, { variables: {}, businessKey: `${businessKey}-other` });
    const atIncident = await awaitRunStatus(api, run.id, 'incident');
    assert.ok(atIncident.run.incidentAt, 'the API says when the run stopped at its incident');

    await page.goto(url('/runs'));
    await page.getByLabel('Search').fill(businessKey);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('runs-pager').getByText('Runs 1–1 of 1').waitFor();
    const row = page.locator(`[data-run="${run.id}"]`);
    assert.equal(await row.getByTestId('run-business-key').innerText(), businessKey);
    const duration = await row.getByTestId('run-duration').innerText();
    assert.match(duration, / to the incident$/);
    await page.waitForTimeout(4000); // the list refreshes every 3 s: a clock that counted on would show more
    assert.equal(await row.getByTestId('run-duration').innerText(), duration);
    await screenshot(page, 'runs-01-business-key-incident');
    await assertAccessible('the runs list');

    await row.locator('a').first().click();
    const summary = page.getByTestId('run-summary');
    await summary.getByTestId('run-business-key').getByText(businessKey).waitFor();
    assert.ok((await summary.getByTestId('run-duration').innerText()).endsWith(duration), 'the run page stops at the incident too');
    failures.expectNone();
  });

  test('the runs at an incident are grouped by error, and a group is retried at once, each run on its own version', async () => {
    const bulk = 'e2e-runs-bulk';
    await api('PUT', '/api/connections/plex-runs-bulk-key', {
      type: 'plex', settings: { baseUrl: await plexSandboxUrl(api) }, credentials: { apiKey: 'not-the-key-either' }
    });
    await deployCopy(api, 'plex-po-to-csv', bulk,
      (xml) => xml.replace(/source="plex-sandbox" target="connection"/, 'source="plex-runs-bulk-key" target="connection"'));
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push((await api('POST', `/api/flows/${bulk}/runs`, { variables: {} })).id);
    for (const id of runs) await awaitRunStatus(api, id, 'incident');
    const version = (await api('GET', `/api/runs/${runs[0]}`)).run.flowVersion;

    await page.goto(url('/runs'));
    await page.getByRole('link', { name: 'Incidents by error' }).click();
    const groups = page.getByTestId('incident-groups');
    const group = groups.locator('section.incident-group').filter({ has: page.getByRole('link', { name: bulk }) });
    await group.first().waitFor();
    const counted = (await group.getByTestId('group-runs').allInnerTexts()).map(Number).reduce((sum, n) => sum + n, 0);
    assert.ok(counted >= 3, `the three runs stopped by the wrong key are in the groups of their flow: ${counted}`);
    assert.match(await group.first().innerText(), /ReadOrders/);
    await screenshot(page, 'runs-05-incident-groups');
    await assertAccessible('the incidents view');

    await api('POST', `/api/runs/${runs[2]}/cancel`); // no longer at an incident: the groups retry the others
    await page.reload();
    await group.first().waitFor();
    const biggest = group.first();
    page.once('dialog', (dialog) => dialog.accept());
    await biggest.getByRole('button', { name: /^Retry (all \d+ runs, each|this run) on (its|their) own version/ }).click();
    const outcome = groups.getByTestId('bulk-outcome');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /^[1-9]\d* retried, 0 refused$/);
    const retried = await groups.getByTestId('bulk-outcome-runs').innerText();
    assert.match(retried, new RegExp(`(${runs[0].slice(0, 8)}|${runs[1].slice(0, 8)}) retried on v${version}`));
    assert.doesNotMatch(retried, new RegExp(runs[2].slice(0, 8)), 'the cancelled run is no longer in the group');
    const audit = await api('GET', '/api/audit?action=run.retry');
    assert.ok(audit.some((entry) => entry.resource === `/api/runs/${runs[0]}/retry` || entry.resource === `/api/runs/${runs[1]}/retry`),
      'each run of a bulk retry is in the audit log as a retry');
    await screenshot(page, 'runs-06-group-retried');
    failures.expectNone();
  });

  test('the runs a webhook trigger started are filtered by that trigger, each keyed by its event id', async () => {
    const created = await api('POST', '/api/triggers', {
      name: 'e2e-runs-hook', eventId: 'header:X-Event-Id',
      signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
      routes: [{ condition: 'true', flowId: 'plex-po-to-csv' }]
    });
    const body = '{"type":"order"}';
    const eventId = `evt-${randomUUID()}`;
    const sent = await fetch(`${engine.baseUrl}/webhooks/${created.trigger.id}`, {
      method: 'POST', body,
      headers: {
        'Content-Type': 'application/json', 'X-Event-Id': eventId,
        'X-Signature': `sha256=${createHmac('sha256', created.secret).update(body).digest('hex')}`
      }
    });
    assert.equal(sent.status, 200, await sent.text());
    await api('POST', '/api/flows/plex-po-to-csv/runs', { variables: {} }); // started by a token: filtered out

    await page.goto(url('/runs'));
    await page.getByLabel('Started by').selectOption({ label: 'Trigger e2e-runs-hook' });
    const table = page.getByTestId('runs-table');
    await table.getByTestId('run-business-key').getByText(eventId).waitFor({ timeout: 60_000 });
    await page.getByTestId('runs-pager').getByText('Runs 1–1 of 1').waitFor();
    assert.match(await table.innerText(), /trigger:e2e-runs-hook/);
    assert.doesNotMatch(await table.innerText(), /token:/);
    assert.match(page.url(), /startedBy=trigger%3Ae2e-runs-hook/);
    await screenshot(page, 'runs-02-by-trigger');
    await assertAccessible('the runs list filtered by a trigger');
    failures.expectNone();
  });

  test('on a Camunda 8 cluster, retry on the latest version and pausing a schedule are disabled with the reason', async () => {
    // No Camunda 8 cluster runs here (its broker is vendor-licensed): the page gets the cluster's answer of
    // GET /api/engine, the one ClusterModeTest checks the cluster adapter gives; everything else is the real runtime.
    await page.route('**/api/engine', (route) => route.fulfill({ json: CLUSTER_ENGINE }));
    try {
      const incident = (await api('GET', `/api/runs?flow=${FAILING}&status=incident&limit=1`))[0];
      await deployCopy(api, 'plex-po-to-csv', FAILING); // a newer version, so retry on the latest is offered
      await page.goto(url(`/runs/${incident.id}`));
      const choices = page.getByTestId('retry-choices');
      const latest = choices.getByRole('button', { name: /Retry on the latest version/ });
      await latest.waitFor();
      assert.equal(await latest.isDisabled(), true);
      assert.match(await choices.getByTestId('retry-unavailable').innerText(), /cannot move a running instance/);
      assert.equal(await choices.getByRole('button', { name: /Retry failed steps on v/ }).isDisabled(), false);
      assert.match(await choices.innerText(), /start a new run: this engine cannot move a run/);
      await screenshot(page, 'runs-03-cluster-retry');
      await assertAccessible('a run page on a cluster');

      await api('POST', '/api/flows', timerStartedFlow('e2e-runs-daily', 'E2E daily', 'R/PT24H'));
      await page.goto(url('/triggers'));
      const pause = page.getByRole('button', { name: 'Pause the schedules of e2e-runs-daily' });
      await pause.waitFor();
      await page.getByTestId('pause-unavailable').getByText(/cannot pause a flow's schedule/).waitFor();
      assert.equal(await pause.isDisabled(), true);
      await screenshot(page, 'runs-04-cluster-schedules');
      await assertAccessible('the triggers page on a cluster');
    } finally {
      await page.unroute('**/api/engine');
    }
    failures.expectNone();
  });

  test('on the embedded engine the same controls are enabled', async () => {
    assert.equal((await api('GET', '/api/engine')).embedded, true);
    await page.goto(url('/triggers'));
    await page.reload(); // the same address as the scenario before: load the app again, and the engine's answer with it
    const pause = page.getByRole('button', { name: 'Pause the schedules of e2e-runs-daily' });
    await pause.waitFor();
    assert.equal(await pause.isDisabled(), false);
    assert.equal(await page.getByTestId('pause-unavailable').count(), 0);
    failures.expectNone();
  });
});
