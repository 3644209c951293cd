import { describe, expect, test } from 'vitest';
import { elementNames, stepName, templateNames, withElementNames } from './names.js';

const templates = templateNames([
  { name: 'Read Plex purchase orders', properties: [{ type: 'Hidden', value: 'plex.purchase-orders.read', binding: { type: 'zeebe:taskDefinition', property: 'type' } }] },
  { name: 'Write a file', properties: [] }
]);
const names = elementNames([['ReadOrders', 'Read the orders'], ['Activity_1671sdw', null], ['Flow_1', '']]);

describe('step names', () => {
  test('a step shows its element\'s name', () => {
    expect(stepName('ReadOrders', 'plex.purchase-orders.read', names, templates)).toBe('Read the orders');
  });

  test('an unnamed element shows its template\'s name, and without a template its id', () => {
    expect(stepName('Activity_1671sdw', 'plex.purchase-orders.read', names, templates)).toBe('Read Plex purchase orders');
    expect(stepName('Activity_1671sdw', 'custom.step', names, templates)).toBe('Activity_1671sdw');
  });

  test('an error names the elements it quotes by id', () => {
    expect(withElementNames("Step 'plex.purchase-orders.read' at element 'ReadOrders' failed", names))
      .toBe("Step 'plex.purchase-orders.read' at element 'Read the orders' (ReadOrders) failed");
    expect(withElementNames(null, names)).toBeNull();
  });
});
