// One scenario file's world: the packaged engine, a Chromium with one page, the API as admin, and the page's failure
// watch; signed in as admin when asked (`{ signedIn: true }`). Started in `before`, closed in `after`.
import { apiClient, startEngine } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';
import { watchFailures } from './checks.mjs';

export async function openSession({ signedIn = false } = {}) {
  const engine = await startEngine();
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000); // generous: CI machines here are shared and often loaded
  const failures = watchFailures(page);
  if (signedIn) await signIn(page, engine.baseUrl, engine.token);
  return {
    engine,
    browser,
    page,
    api: apiClient(engine.baseUrl, engine.token),
    failures,
    url: (hash) => `${engine.baseUrl}/#${hash}`,
    close: async () => {
      await browser.close();
      await engine.stop();
    }
  };
}
