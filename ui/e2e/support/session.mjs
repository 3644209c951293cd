// One scenario file's world: the packaged engine, a Chromium with one page, the API as admin, and the page's failure
// watch. Started in `before`, closed in `after`.
import { apiClient, startEngine } from './engine.mjs';
import { launchBrowser } from './browser.mjs';
import { watchFailures } from './checks.mjs';

export async function openSession() {
  const engine = await startEngine();
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000); // generous: CI machines here are shared and often loaded
  return {
    engine,
    page,
    api: apiClient(engine.baseUrl, engine.token),
    failures: watchFailures(page),
    url: (hash) => `${engine.baseUrl}/#${hash}`,
    close: async () => {
      await browser.close();
      await engine.stop();
    }
  };
}
