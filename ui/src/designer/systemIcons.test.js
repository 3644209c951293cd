import { describe, expect, it } from 'vitest';
import { SYSTEM_ICONS, stepTypeOf, systemOfStepType } from './systemIcons.js';

describe('systemOfStepType', () => {
  it('names the system of each shipped step family', () => {
    expect(systemOfStepType('plex.purchase-orders.read')).toBe('plex');
    expect(systemOfStepType('netsuite.vendors.read')).toBe('netsuite');
    expect(systemOfStepType('idhammar.oee.read')).toBe('idhammar');
    expect(systemOfStepType('postgres.write')).toBe('postgres');
    expect(systemOfStepType('mysql.query')).toBe('mysql');
    expect(systemOfStepType('snowflake.write')).toBe('snowflake');
    expect(systemOfStepType('mongodb.find')).toBe('mongodb');
    expect(systemOfStepType('file.read')).toBe('file');
    expect(systemOfStepType('http.request')).toBe('http');
    expect(systemOfStepType('webhook.send')).toBe('http');
  });

  it('gives transforms the records icon', () => {
    expect(systemOfStepType('unified.transform')).toBe('records');
    expect(systemOfStepType('records.dedupe')).toBe('records');
  });

  it('knows no system for a computed, missing or foreign step type', () => {
    expect(systemOfStepType('=if x then "a" else "b"')).toBeNull();
    expect(systemOfStepType(null)).toBeNull();
    expect(systemOfStepType('acme.thing')).toBeNull();
  });

  it('has one titled icon for every system it names', () => {
    for (const type of ['plex.x', 'netsuite.x', 'idhammar.x', 'postgres.x', 'mysql.x', 'snowflake.x', 'mongodb.x', 'file.x', 'http.x', 'records.x']) {
      expect(SYSTEM_ICONS[systemOfStepType(type)]).toMatch(/^<svg [^>]*aria-label="[^"]+".*<title>/);
    }
  });
});

describe('stepTypeOf', () => {
  it('reads the task definition of a diagram element', () => {
    const element = { businessObject: { extensionElements: { values: [
      { $type: 'zeebe:IoMapping' }, { $type: 'zeebe:TaskDefinition', type: 'postgres.write' }
    ] } } };
    expect(stepTypeOf(element)).toBe('postgres.write');
    expect(stepTypeOf({ businessObject: {} })).toBeNull();
  });
});
