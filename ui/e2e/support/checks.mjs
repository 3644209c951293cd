// What every scenario requires of a page: no console errors and no failed API calls, except the ones it expects.
import assert from 'node:assert/strict';

// Before API tokens existed the runtime has no /api/me; the sign-in page accepts that (see SignInPage.checkToken).
const TOLERATED = [/\/api\/me$/];

export function watchFailures(page) {
  const failures = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && !TOLERATED.some((pattern) => pattern.test(new URL(response.url()).pathname))) {
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      failures.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  return {
    expectNone(allowed = []) {
      const unexpected = failures.filter((failure) => !allowed.some((pattern) => pattern.test(failure)));
      assert.deepEqual(unexpected, [], `unexpected errors on the page:\n${unexpected.join('\n')}`);
      failures.length = 0;
    }
  };
}

/** Polls `probe` until it returns a truthy value. */
export async function eventually(probe, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise((done) => setTimeout(done, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
}
