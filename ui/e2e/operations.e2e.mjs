// End-to-end, operations (issue 21 items 4, 8, 9 and the accessibility check): honest retry, version compare and
// restore, sync cursors and backfill, route conditions refused on save, and axe-core on every page. The UI in headless
// Debian Chromium against the real packaged engine, as ui.e2e.mjs.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { screenshot, signIn } from './support/browser.mjs';
import { eventually } from './support/checks.mjs';
import { awaitRunStatus, copyOfFlow, timerStartedFlow } from './support/runs.mjs';
import { seriousViolations } from './support/accessibility.mjs';
import { openSession } from './support/session.mjs';

let session;
let engine;
let api;
let page;
let failures;
let url;

before(async () => {
  session = await openSession();
  ({ engine, api, page, failures, url } = session);
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

async function totalRuns(flow) {
  const response = await fetch(`${engine.baseUrl}/api/runs?flow=${flow}&limit=1`, { headers: { Authorization: `Bearer ${engine.token}` } });
  return Number(response.headers.get('X-Total-Count'));
}

const everySecond = (id) => timerStartedFlow(id, 'E2E every second', 'R60/PT1S');
const FLOW = 'e2e-ops-retry';

/** Accepts the next confirm() the page asks. */
const acceptNextDialog = () => page.once('dialog', (dialog) => dialog.accept());

describe('Millflow operations', { concurrency: false }, () => {
  test('every page passes the automated accessibility check (no serious or critical violations)', async () => {
    await page.goto(url('/flows'));
    await page.getByRole('heading', { name: 'Sign in to Millflow' }).waitFor();
    const found = {};
    const check = async (name) => {
      await page.waitForFunction(() => !document.querySelector('.loading'));
      const violations = await seriousViolations(page);
      if (violations.length) found[name] = violations;
    };
    await check('sign-in');
    await signIn(page, engine.baseUrl, engine.token);

    const run = await api('POST', '/api/flows/plex-po-to-csv/runs', { variables: {} });
    await awaitRunStatus(api, run.id, 'completed');
    const trigger = await api('POST', '/api/triggers', {
      name: 'e2e-accessibility', signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
      routes: [{ condition: 'true', flowId: 'plex-po-to-csv' }]
    });
    const pages = [
      ['/flows', 'Flows'], ['/flows/new', 'New flow'], ['/flows/plex-po-to-csv/design', null], ['/runs', 'Runs'],
      [`/runs/${run.id}`, null], ['/connections', 'Connections'], ['/connections/new', null],
      ['/connections/plex-sandbox/reconnect', null], ['/triggers', null], ['/triggers/new', null],
      [`/triggers/${trigger.trigger.id}`, null], ['/subscriptions', null]
    ];
    for (const [hash, heading] of pages) {
      await page.goto(url(hash));
      if (hash.endsWith('/design')) {
        await page.locator('.designer-canvas .djs-shape').first().waitFor(); // the designer has a toolbar, no h1
      } else {
        await (heading ? page.getByRole('heading', { name: heading, exact: true }) : page.locator('h1')).first().waitFor();
      }
      if (hash.startsWith('/runs/')) await page.getByTestId('steps-table').waitFor();
      await check(hash);
    }
    assert.deepEqual(found, {}, `serious or critical accessibility violations:\n${JSON.stringify(found, null, 2)}`);
    failures.expectNone([/^401 GET .*\/api\/me$/]);
  });

  test('a run stopped by a mistake in its flow says which version a retry runs, and completes retried on the fixed latest version', async () => {
    const fixed = await copyOfFlow(api, 'plex-po-to-csv', FLOW);
    const broken = fixed.replace(/source="plex-sandbox" target="connection"/, 'source="plex-sandbx" target="connection"');
    assert.notEqual(broken, fixed);
    const v1 = await api('POST', '/api/flows', broken);
    const run = await api('POST', `/api/flows/${FLOW}/runs`, { variables: {} });
    await awaitRunStatus(api, run.id, 'incident');

    await page.goto(url(`/runs/${run.id}`));
    const choices = page.getByTestId('retry-choices');
    await choices.getByRole('button', { name: `Retry failed steps on v${v1.version}` }).waitFor();
    assert.equal(await choices.getByRole('button', { name: /latest version/ }).count(), 0);
    assert.match(await choices.innerText(), /fix the cause outside the flow/);
    assert.doesNotMatch(await choices.innerText(), /fix the flow, then retry/i);

    const v2 = await api('POST', '/api/flows', fixed);
    await page.reload();
    await choices.getByText(`without the changes of v${v2.version}`).waitFor();
    await screenshot(page, 'ops-01-retry-choices');
    await choices.getByRole('button', { name: `Retry on the latest version, v${v2.version}` }).click();
    const done = await awaitRunStatus(api, run.id, 'completed');
    assert.equal(done.run.flowVersion, v2.version);
    await page.getByTestId('run-summary').getByText(`${FLOW} v${v2.version}`).waitFor();
    failures.expectNone();
  });

  test('two versions of a flow are compared as diagrams and line by line, and an old one is restored as a new version', async () => {
    const versions = await api('GET', `/api/flows/${FLOW}/versions`);
    const [latest, previous] = versions.map((v) => v.version);
    await page.goto(url('/flows'));
    await page.locator(`[data-flow="${FLOW}"]`).getByRole('button', { name: 'Versions' }).click();
    const panel = page.getByTestId('versions');
    await panel.getByLabel('Compare', { exact: true }).selectOption(String(previous));
    await panel.getByLabel('with', { exact: true }).selectOption(String(latest));
    await panel.getByRole('button', { name: 'Show changes' }).click();
    const diff = panel.getByTestId('version-diff');
    await diff.locator('.diff-removed', { hasText: 'source="plex-sandbx"' }).waitFor();
    await diff.locator('.diff-added', { hasText: 'source="plex-sandbox"' }).waitFor();
    assert.match(await diff.innerText(), /1 lines added, 1 removed/);
    // the diagrams side by side: the task whose connection changed is marked on both, and listed with the change
    await diff.getByTestId('diagram-diff-summary').filter({ hasText: '0 added, 0 removed, 1 changed, 0 moved' }).waitFor();
    for (const side of ['diagram-before', 'diagram-after']) {
      await diff.getByTestId(side).locator('[data-element-id="ReadOrders"].mf-diff-changed').waitFor();
    }
    const listed = diff.getByRole('list', { name: `Changed elements from v${previous} to v${latest}` }).getByRole('listitem');
    assert.deepEqual(await listed.allInnerTexts(), [
      'Changed: Read Plex purchase orders (service task ReadOrders): input connection "plex-sandbx" → "plex-sandbox"'
    ]);
    assert.deepEqual(await seriousViolations(page), [], 'the comparison passes the accessibility check');
    await screenshot(page, 'ops-02-version-diff');

    acceptNextDialog();
    await panel.getByRole('button', { name: `Restore v${previous}` }).click();
    await panel.getByText(`v${previous} is deployed again as v${latest + 1}`).waitFor();
    const restored = await api('GET', `/api/flows/${FLOW}/versions/${latest + 1}/bpmn`, undefined, { Accept: 'application/xml' });
    assert.match(restored, /source="plex-sandbx"/);
    failures.expectNone();
  });

  test('a flow\'s sync cursors are shown and reset, and a backfill over a window starts a run', async () => {
    const run = await api('POST', '/api/flows/plex-po-to-postgres/runs', { variables: {} });
    await awaitRunStatus(api, run.id, 'completed');
    assert.ok((await api('GET', '/api/flows/plex-po-to-postgres/sync-state')).length > 0, 'the sync committed a cursor');

    await page.goto(url('/flows'));
    await page.locator('[data-flow="plex-po-to-postgres"]').getByRole('button', { name: 'Syncs' }).click();
    const panel = page.getByTestId('sync-panel');
    await panel.getByTestId('sync-cursors').waitFor();
    await screenshot(page, 'ops-03-sync-cursors');
    acceptNextDialog();
    await panel.getByRole('button', { name: 'Reset cursors' }).click();
    await panel.getByText(/cursor\(s\) reset/).waitFor();
    await panel.getByText('No committed cursor').waitFor();
    assert.deepEqual(await api('GET', '/api/flows/plex-po-to-postgres/sync-state'), []);

    await panel.getByLabel('Backfill from').fill('2026-11-01T00:00');
    await panel.getByLabel('to', { exact: true }).fill('2026-11-02T00:00');
    await panel.getByRole('button', { name: 'Start backfill' }).click();
    await panel.getByRole('link', { name: /^run / }).click();
    await page.getByTestId('run-window').waitFor();
    failures.expectNone();
  });

  test('a route condition that is not complete FEEL is refused on save, on its field; the signing example sets its secret', async () => {
    const created = await api('POST', '/api/triggers', {
      name: 'e2e-ops-routes', signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
      routes: [{ condition: 'true', flowId: FLOW }]
    });
    await page.goto(url(`/triggers/${created.trigger.id}`));
    await page.getByText('How a sender signs a request').click();
    assert.match(await page.locator('details pre').first().innerText(), /^SECRET=/m);
    await page.getByRole('button', { name: 'Edit routes' }).click();
    const condition = page.getByLabel('Route 1: condition (FEEL)');
    await condition.fill('body.type = "order" and');
    await page.getByRole('button', { name: 'Save routes' }).click();
    await page.locator('#route-0-condition-error').getByText(/is not valid FEEL/).waitFor();
    assert.equal(await condition.getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'ops-04-route-refused');
    const stored = (await api('GET', '/api/triggers')).find((trigger) => trigger.id === created.trigger.id);
    assert.deepEqual(stored.routes.map((route) => route.condition), ['true'], 'the refused condition was not saved');
    failures.expectNone([/^400 PUT .*\/api\/triggers\/[^/]+\/routes$/]);
  });

  test('a schedule paused on the triggers page does not fire until it is resumed', async () => {
    const flow = 'e2e-every-second';
    await api('POST', '/api/flows', everySecond(flow));
    const runsOf = () => totalRuns(flow);
    await page.goto(url('/triggers'));
    await page.getByRole('button', { name: `Pause the schedules of ${flow}` }).click();
    await page.getByRole('button', { name: `Resume the schedules of ${flow}` }).waitFor();
    await page.waitForTimeout(1500); // a fire just before the pause is recorded
    const before = await runsOf();
    await page.waitForTimeout(4000);
    assert.equal(await runsOf(), before, 'no run starts while the schedule is paused');
    await screenshot(page, 'ops-06-schedule-paused');
    await page.getByRole('button', { name: `Resume the schedules of ${flow}` }).click();
    await eventually(async () => (await runsOf()) > before, { what: 'the resumed schedule to fire', timeoutMs: 30_000 });
    await page.getByRole('button', { name: `Pause the schedules of ${flow}` }).click(); // leave it quiet
    failures.expectNone();
  });

  test('a paused trigger asks senders to retry later, takes events again once resumed, and sends a test event signed by the server', async () => {
    const created = await api('POST', '/api/triggers', {
      name: 'e2e-ops-pause', signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
      routes: [{ condition: 'true', flowId: FLOW }]
    });
    const body = '{"type":"order"}';
    const send = () => fetch(`${engine.baseUrl}/webhooks/${created.trigger.id}`, {
      method: 'POST', body,
      headers: { 'Content-Type': 'application/json', 'X-Signature': `sha256=${createHmac('sha256', created.secret).update(body).digest('hex')}` }
    });
    await page.goto(url(`/triggers/${created.trigger.id}`));
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByTestId('trigger-paused').waitFor();
    const refused = await send();
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('Retry-After'), '300');
    await page.goto(url('/triggers'));
    await page.locator('.badge-paused').first().waitFor();
    await screenshot(page, 'ops-05-trigger-paused');

    await page.goto(url(`/triggers/${created.trigger.id}`));
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    assert.equal((await send()).status, 200);

    await page.getByRole('button', { name: 'Send test event' }).click();
    const sent = await page.getByTestId('test-event-sent').innerText();
    const testId = /Test event (\S+) accepted/.exec(sent)?.[1];
    assert.ok(testId, sent);
    await eventually(async () => (await api('GET', `/api/triggers/${created.trigger.id}/events`))
      .some((event) => event.eventId === testId), { what: 'the test event among the deliveries' });
    failures.expectNone();
  });
});
