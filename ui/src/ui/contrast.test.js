import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AA_NORMAL_TEXT, contrastRatio } from './contrast.js';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const variables = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]));
const colour = (value) => value.trim().replace(/var\(--([\w-]+)\)/, (_, name) => variables[name]);

/** Every rule that styles a badge: [selector, text colour, background]. */
function badgeRules() {
  return [...css.matchAll(/([^{}]*\.badge[^{}]*)\{([^}]*)\}/g)].map(([, selector, body]) => {
    const color = /(?:^|;)\s*color:\s*([^;]+)/.exec(body);
    const background = /background:\s*([^;]+)/.exec(body);
    return [selector.trim(), color && colour(color[1]), background && colour(background[1])];
  }).filter(([, color, background]) => color && background);
}

describe('status badges', () => {
  test('every badge colour pair passes WCAG AA for normal text', () => {
    const rules = badgeRules();
    expect(rules.length).toBeGreaterThan(4);
    const failing = rules
      .map(([selector, color, background]) => [selector, contrastRatio(color, background)])
      .filter(([, ratio]) => ratio < AA_NORMAL_TEXT)
      .map(([selector, ratio]) => `${selector}: ${ratio.toFixed(2)}`);
    expect(failing).toEqual([]);
  });

  test('the contrast of black on white is 21 and of a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b63ce', '#0b63ce')).toBe(1);
  });
});
