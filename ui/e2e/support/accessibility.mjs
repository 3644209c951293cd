// The automated accessibility check (issue 21): axe-core, injected into the page under test and run there. axe-core is
// a dev dependency of the UI for this alone (the rules engine that browsers' own audits use, MPL-2.0, nothing shipped
// to users); playwright-core drives the page as in every scenario.
import { createRequire } from 'node:module';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now (WCAG 2 A and AA rules and axe's best practices); answers the serious and critical
 * violations as lines `rule: help (selectors)`, empty when there are none.
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_SOURCE });
  }
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' '))
    }));
  });
  return violations
    .filter((violation) => BLOCKING.has(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`);
}
