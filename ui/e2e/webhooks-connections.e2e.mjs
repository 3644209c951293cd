// End-to-end, issue 21 items 1, 8 and 9: each task shows its system's icon; a connection's page lists the flows using
// it and keeps its checks; a delivery opened on the trigger page shows its headers (signature masked), its payload and
// why each route matched or not; a refused request is listed with its answer; a trigger is deleted (its URL then
// answers 404); a flow is not deleted while a trigger routes to it, and is once none does. The UI in headless Debian
// Chromium against the real packaged engine, as ui.e2e.mjs.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { screenshot } from './support/browser.mjs';
import { eventually } from './support/checks.mjs';
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

const emptyFlow = (id) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_${id}" targetNamespace="http://millflow.io/e2e">
  <bpmn:process id="${id}" name="E2E ${id}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const SIGNATURE = { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' };

async function createTrigger(name, routes) {
  return api('POST', '/api/triggers', { name, signature: SIGNATURE, routes });
}

function send(created, body, { secret = created.secret } = {}) {
  return fetch(`${engine.baseUrl}/webhooks/${created.trigger.id}`, {
    method: 'POST', body,
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Bearer sender-credential',
      'X-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
    }
  });
}

const acceptNextDialog = () => page.once('dialog', (dialog) => dialog.accept());

describe('Millflow webhooks and deletes', { concurrency: false }, () => {
  test('each task shows its system\'s icon, in the designer and on the run diagram', async () => {
    await page.goto(url('/flows/plex-po-to-postgres/design'));
    for (const system of ['plex', 'records', 'postgres']) {
      await page.locator(`.mf-system-icon[data-system="${system}"]`).first().waitFor();
    }
    await screenshot(page, 'hooks-00-designer-icons');
    const run = await api('POST', '/api/flows/plex-po-to-postgres/runs', { variables: {} });
    await page.goto(url(`/runs/${run.id}`));
    await page.getByTestId('run-diagram').locator('.mf-system-icon[data-system="plex"]').waitFor();
    failures.expectNone();
  });

  test('a delivery shows its masked headers, its payload and why each route matched; a refused request is listed', async () => {
    await api('POST', '/api/flows', emptyFlow('e2e-hooks-orders'));
    const created = await createTrigger('e2e-hooks-deliveries', [
      { condition: 'body.type = "invoice"', flowId: 'e2e-hooks-orders' },
      { condition: 'body.type = "order"', flowId: 'e2e-hooks-orders' }
    ]);
    assert.equal((await send(created, '{"type":"order","number":"PO-1"}')).status, 200);
    assert.equal((await send(created, '{"type":"order"}', { secret: 'not-the-secret' })).status, 401);
    await eventually(async () => (await api('GET', `/api/triggers/${created.trigger.id}/events`))
      .some((event) => event.status === 'dispatched'), { what: 'the delivery to be dispatched' });

    await page.goto(url(`/triggers/${created.trigger.id}`));
    await page.getByRole('button', { name: 'Details' }).first().click();
    const detail = page.getByTestId('delivery-detail');
    const verdicts = detail.getByTestId('route-verdicts').locator('li');
    await verdicts.nth(1).waitFor();
    assert.match(await verdicts.nth(0).innerText(), /no match: the condition was false/);
    assert.match(await verdicts.nth(1).innerText(), /matched: started run [0-9a-f]{8}/);
    const headers = await detail.getByTestId('delivery-headers').innerText();
    assert.match(headers, /x-signature\s+\(masked\)/);
    assert.match(headers, /authorization\s+\(masked\)/);
    assert.doesNotMatch(headers, /sender-credential/);
    assert.match(await detail.getByTestId('delivery-payload').innerText(), /"number": "PO-1"/);
    const refused = page.getByTestId('rejections-table');
    await refused.locator('tr[data-status="401"]').waitFor();
    assert.match(await refused.innerText(), /401 Unauthorized\s+The signature did not verify/);
    await screenshot(page, 'hooks-01-delivery-detail');
    failures.expectNone();
  });

  test('a connection\'s page lists the flows that use it and keeps each check in its history', async () => {
    await page.goto(url('/connections'));
    await page.locator('tr[data-connection="warehouse"]').getByRole('link', { name: 'warehouse' }).click();
    await page.getByRole('heading', { name: 'Connection warehouse' }).waitFor();
    await page.getByTestId('connection-flows').locator('li[data-flow="plex-po-to-postgres"]').waitFor();
    assert.match(await page.getByTestId('connection-flows').innerText(), /Write to PostgreSQL/);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByTestId('check-result').waitFor();
    await page.getByTestId('connection-checks').locator('.badge-online').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Reconnect' }).getAttribute('href'), '#/connections/warehouse/reconnect');
    await screenshot(page, 'hooks-03-connection-page');
    failures.expectNone();
  });

  test('a trigger deleted on its page is gone, and its URL answers 404', async () => {
    await api('POST', '/api/flows', emptyFlow('e2e-hooks-orders'));
    const created = await createTrigger('e2e-hooks-delete', [{ condition: 'true', flowId: 'e2e-hooks-orders' }]);
    await page.goto(url(`/triggers/${created.trigger.id}`));
    acceptNextDialog();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.waitForURL(/#\/triggers$/);
    assert.ok(!(await api('GET', '/api/triggers')).some((trigger) => trigger.id === created.trigger.id));
    assert.equal((await send(created, '{}')).status, 404);
    failures.expectNone();
  });

  test('a disabled flow refuses a start with its state and starts again once enabled', async () => {
    const flow = 'e2e-hooks-disable';
    await api('POST', '/api/flows', emptyFlow(flow));
    await page.goto(url('/flows'));
    const row = page.locator(`tr[data-flow="${flow}"]`);
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByTestId('flow-disabled').waitFor();
    await assert.rejects(api('POST', `/api/flows/${flow}/runs`, { variables: {} }), /409.*flow_disabled/);
    await screenshot(page, 'hooks-04-flow-disabled');
    await row.getByRole('button', { name: 'Enable' }).click();
    await row.getByTestId('flow-disabled').waitFor({ state: 'detached' });
    await api('POST', `/api/flows/${flow}/runs`, { variables: {} });
    failures.expectNone();
  });

  test('a flow a trigger routes to is not deleted, the refusal naming the trigger; once no trigger does, it is', async () => {
    const flow = 'e2e-hooks-deletable';
    await api('POST', '/api/flows', emptyFlow(flow));
    const created = await createTrigger('e2e-hooks-routes-here', [{ condition: 'true', flowId: flow }]);
    await page.goto(url('/flows'));
    const row = page.locator(`tr[data-flow="${flow}"]`);
    acceptNextDialog();
    await row.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alert').getByText(/e2e-hooks-routes-here/).waitFor();
    await screenshot(page, 'hooks-02-flow-delete-refused');
    failures.expectNone([/^409 DELETE .*\/api\/flows\/e2e-hooks-deletable$/]);

    await api('DELETE', `/api/triggers/${created.trigger.id}`);
    acceptNextDialog();
    await row.getByRole('button', { name: 'Delete…' }).click();
    await row.waitFor({ state: 'detached' });
    assert.ok(!(await api('GET', '/api/flows')).some((f) => f.id === flow));
    failures.expectNone();
  });
});
