// End-to-end: the run page's data preview, start variables and live progress (records, pages or windows), and the
// designer's guard against losing undeployed changes (issue 21 items 3, 6, 7), in headless Chromium against the
// packaged engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { screenshot } from './support/browser.mjs';
import { eventually } from './support/checks.mjs';
import { fillField, openGroup, selectElement } from './support/designer.mjs';
import { awaitRunStatus, deployCopy, plexSandboxUrl } from './support/runs.mjs';
import { openSession } from './support/session.mjs';

let session;
let api;
let page;
let url;

before(async () => {
  session = await openSession({ signedIn: true });
  ({ api, page, url } = session);
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

/** The number of records in a CSV text: line breaks outside quoted cells, less the header. */
function csvRecords(text) {
  let inQuotes = false;
  let lines = 0;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '\n' && !inQuotes) lines += 1;
  }
  return lines - 1;
}

async function saveDownload(click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), url: download.url(), text: readFileSync(path, 'utf8') };
}

describe('Run page and designer guard', { concurrency: false }, () => {
  test('a step\'s dataset is previewed and downloaded whole, and the start variables shown, with secrets masked', async () => {
    const token = `e2e-token-${Date.now()}`;
    await api('PUT', '/api/secrets/e2e-start-token', { value: token });
    const run = await api('POST', '/api/flows/plex-po-to-csv/runs', { variables: { e2eNote: 'nightly', e2eAuth: `Bearer ${token}` } });
    const detail = await awaitRunStatus(api, run.id, 'completed');
    const read = detail.ledger[0].read;
    assert.ok(read > 100, `the sandbox holds more orders than a preview shows: ${read}`);

    await page.goto(url(`/runs/${run.id}`));
    await page.locator('[data-step-detail="ReadOrders"] summary').click();
    const item = page.locator('[data-step-detail="ReadOrders"] [data-role="written"]');
    await item.getByText(`${read.toLocaleString('en-US')} records`).waitFor();
    await item.getByRole('button', { name: 'Preview records' }).click();
    const table = item.getByTestId('dataset-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 100);
    await item.getByText(`First 100 of ${read.toLocaleString('en-US')} records.`).waitFor();
    await item.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = JSON.parse(await item.getByTestId('dataset-json').innerText());
    assert.equal(json.length, 100);
    await screenshot(page, 'run-page-01-dataset-preview');

    const jsonl = await saveDownload(() => item.getByRole('button', { name: 'Download JSON lines' }).click());
    assert.match(jsonl.name, /\.jsonl$/);
    // the browser itself downloaded it, from a one-time link (no token, no copy in the page's memory)
    assert.match(jsonl.url, /\/downloads\/runs\/[^/]+\/datasets\/[^?]+\?ticket=[A-Za-z0-9_-]{43}$/);
    const reused = await fetch(jsonl.url);
    assert.equal(reused.status, 401, 'a download link works once');
    assert.match((await reused.json()).message, /used already/);
    assert.equal(jsonl.text.trim().split('\n').length, read, 'the download holds every record the ledger counted');
    assert.deepEqual(JSON.parse(jsonl.text.split('\n')[0]), json[0]);
    const csv = await saveDownload(() => item.getByRole('button', { name: 'Download CSV' }).click());
    assert.equal(csvRecords(csv.text), read);

    // a value that became a secret after the run is masked in what the API sends of the records
    const datasetId = await item.getAttribute('data-dataset');
    const sample = Object.values(json[0]).find((value) => typeof value === 'string' && value.length >= 6);
    await api('PUT', '/api/secrets/e2e-masked', { value: sample });
    const masked = await api('GET', `/api/runs/${run.id}/datasets/${datasetId}?limit=5`);
    assert.ok(!JSON.stringify(masked.items).includes(sample), `${sample} must not be sent`);
    assert.match(JSON.stringify(masked.items[0]), /\{\{secrets\.e2e-masked\}\}/);
    await api('DELETE', '/api/secrets/e2e-masked');

    const listed = await api('GET', `/api/runs/${run.id}/datasets`);
    assert.deepEqual(listed.filter((d) => d.elementId === 'ReadOrders').map((d) => [d.role, d.records]), [['written', read]]);
    await page.getByTestId('run-variables').waitFor();

    // the start variables, the secret's value as its reference
    const started = page.getByTestId('start-variables');
    await started.locator('tr', { hasText: 'e2eNote' }).getByText('nightly').waitFor();
    await started.locator('tr', { hasText: 'e2eAuth' }).getByText('Bearer {{secrets.e2e-start-token}}').waitFor();
    assert.ok(!(await page.content()).includes(token), 'the secret\'s value is not on the page');
    await screenshot(page, 'run-page-01b-start-variables');
    await api('DELETE', '/api/secrets/e2e-start-token');
    session.failures.expectNone();
  });

  test('a long sync shows its progress, current step and growing log before it ends', async () => {
    const plex = await plexSandboxUrl(api);
    await deployCopy(api, 'plex-po-to-csv', 'e2e-slow-export', (xml) => xml.replace(
      '<zeebe:input source="plex-sandbox" target="connection" />',
      '<zeebe:input source="plex-sandbox" target="connection" /><zeebe:input source="=true" target="includeLineItems" />'));
    await fetch(`${plex}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ latencyMillis: 40 }) });
    try {
      const run = await api('POST', '/api/flows/e2e-slow-export/runs', { variables: {} });
      await page.goto(url(`/runs/${run.id}`));
      const live = page.getByTestId('live-progress');
      await live.getByText(/updates every 2 s until the run ends/).waitFor();
      const now = live.locator('[data-step-now="ReadOrders"]');
      await now.filter({ hasText: /[1-9][\d,]* records so far/ }).waitFor({ timeout: 60_000 });
      // the Plex read reports its 30-day windows since 2000: "window 40 of 330"
      await now.getByTestId('current-batches').filter({ hasText: /window \d+ of \d+/ }).waitFor();
      await page.locator('[data-step="ReadOrders"]').getByTestId('step-batches').filter({ hasText: /window \d+ of \d+/ }).waitFor();
      await page.locator('[data-step-detail="ReadOrders"] details[open] .log-line').first().waitFor();
      await screenshot(page, 'run-page-02-live-progress');
      assert.equal((await api('GET', `/api/runs/${run.id}`)).run.status, 'running', 'progress was seen before the end');

      await page.goto(url('/runs'));
      await page.locator(`[data-run="${run.id}"] [data-testid="run-current-step"]`).filter({ hasText: 'ReadOrders' })
        .filter({ hasText: /window \d+ of \d+/ }).waitFor();

      await fetch(`${plex}/_sandbox/faults`, { method: 'DELETE' });
      await awaitRunStatus(api, run.id, 'completed', 180_000);
      await page.goto(url(`/runs/${run.id}`));
      await page.getByTestId('run-summary').locator('.badge-completed').waitFor();
      assert.equal(await page.getByTestId('live-progress').count(), 0, 'an ended run shows no live progress');
    } finally {
      await fetch(`${plex}/_sandbox/faults`, { method: 'DELETE' });
    }
    session.failures.expectNone();
  });

  test('undeployed changes are guarded on every way out and kept as a draft', async () => {
    await deployCopy(api, 'plex-po-to-csv', 'e2e-guarded');
    await page.goto(url('/flows/e2e-guarded/design'));
    await selectElement(page, 'ReadOrders');
    await openGroup(page, 'General');
    await fillField(page, 'Name', 'Read orders (edited)');
    await page.locator('.tag-warning', { hasText: 'not deployed' }).waitFor();
    await page.waitForTimeout(800); // the draft is saved 500 ms after the last change

    // the app's own navigation: "no" stays, "yes" leaves
    const asked = [];
    page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await eventually(() => asked.length === 1, { what: 'the leave question' });
    assert.match(asked[0], /not deployed/);
    await page.waitForURL(/#\/flows\/e2e-guarded\/design$/); // a "no" goes back in history: asynchronously
    await page.locator('.tag-warning', { hasText: 'not deployed' }).waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByRole('heading', { name: 'Runs' }).waitFor();

    // reopened: the draft is offered and restores the change
    await page.goBack();
    const offer = page.getByTestId('draft-offer');
    await offer.waitFor();
    await screenshot(page, 'run-page-03-draft-offered');
    await offer.getByRole('button', { name: 'Restore draft' }).click();
    await page.locator('.tag-warning', { hasText: 'not deployed' }).waitFor();
    await page.locator('.designer-canvas [data-element-id="ReadOrders"]').getByText('Read orders (edited)').first().waitFor();

    // the back button asks too
    asked.length = 0;
    page.once('dialog', (dialog) => { asked.push(dialog.type()); dialog.dismiss(); });
    await page.goBack();
    await eventually(() => asked.length === 1, { what: 'the leave question on back' });
    await page.waitForURL(/#\/flows\/e2e-guarded\/design$/); // a "no" goes back in history: asynchronously

    // closing the tab asks (beforeunload)
    const closing = await session.browser.newPage();
    await closing.goto(url('/flows/e2e-guarded/design'));
    await closing.getByTestId('draft-offer').getByRole('button', { name: 'Restore draft' }).click();
    await closing.locator('.tag-warning', { hasText: 'not deployed' }).waitFor();
    const unload = new Promise((done) => closing.once('dialog', (dialog) => { done(dialog.type()); dialog.dismiss(); }));
    await closing.close({ runBeforeUnload: true });
    assert.equal(await unload, 'beforeunload');
    await closing.close();

    // deploying clears the draft: nothing is offered any more
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await page.getByTestId('deploy-result').filter({ hasText: 'as version 2' }).waitFor();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('millflow.draft')).length), 0);
    await page.reload();
    await page.locator('.designer-canvas [data-element-id="ReadOrders"]').first().waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('draft-offer').count(), 0);
    session.failures.expectNone();
  });
});
