import { describe, expect, it } from 'vitest';
import types from './connection-types.json';
import { connectionRequest, findSystems, systemFrom, systemOf, systemsFrom, validateConnection } from './systems.js';

// connection-types.json is what GET /api/connection-types answers, kept in step with the connectors' records by the
// engine's ConnectionDocsTest.
const systems = systemsFrom(types);

describe('the generated connect forms', () => {
  it('has a form for every connection type the runtime declares, with every field of its record', () => {
    expect(systems.map((s) => s.type).sort()).toEqual(types.map((t) => t.type).sort());
    for (const type of types) {
      const system = systemFrom(type);
      const keys = [...system.settings, ...(system.authModes ? system.authModes.flatMap((m) => m.credentials) : system.credentials)]
        .map((field) => field.key);
      expect(new Set(keys)).toEqual(new Set(type.fields.map((field) => field.name)));
      expect(system.name).not.toBe(type.type);
    }
  });

  it('takes labels, examples, defaults and secrecy from the record', () => {
    const plex = systemOf('plex', systems);
    expect(plex.settings.find((f) => f.key === 'baseUrl')).toMatchObject({ label: 'Instance URL', required: true,
      placeholder: 'https://connect.plex.com', url: true });
    expect(plex.settings.find((f) => f.key === 'rateLimitPerMinute')).toMatchObject({ placeholder: '200', required: false });
    expect(plex.credentials.find((f) => f.key === 'password')).toMatchObject({ secret: true });
    expect(plex.credentials.find((f) => f.key === 'username')).toMatchObject({ secret: false });
  });

  it('offers NetSuite its two sign-in methods, each with its own credentials', () => {
    const netsuite = systemOf('netsuite', systems);
    expect(netsuite.authModes.map((m) => m.id)).toEqual(['m2m', 'tba']);
    expect(netsuite.authModes[0].credentials.map((f) => f.key)).toEqual(['clientId', 'certificateId', 'privateKey']);
    expect(netsuite.authModes[0].credentials.find((f) => f.key === 'privateKey').file).toMatch(/\.pem/);
  });
});

describe('the system list', () => {
  it('finds systems by any word of name, type or group', () => {
    expect(findSystems(systems, 'net').map((s) => s.type)).toEqual(['netsuite']);
    expect(findSystems(systems, 'databases sql').map((s) => s.type)).toEqual(['postgres', 'mysql']);
    expect(findSystems(systems, '').length).toBeGreaterThan(6);
  });
});

describe('the connect form', () => {
  const plex = systemOf('plex', systems);
  const form = (overrides = {}) => ({
    name: 'plex-prod', authMode: null, extra: [],
    settings: { baseUrl: 'https://connect.plex.com' }, credentials: { apiKey: ' k-1 ' }, ...overrides
  });

  it('accepts a complete Plex connection and sends trimmed, non-empty values', () => {
    expect(validateConnection(form(), plex)).toEqual({});
    expect(connectionRequest(form({ extra: [{ key: 'tenant', value: 'x' }, { key: '', value: 'y' }] }), plex)).toEqual({
      name: 'plex-prod', type: 'plex', settings: { baseUrl: 'https://connect.plex.com', tenant: 'x' }, credentials: { apiKey: 'k-1' }
    });
  });

  it('names each missing or malformed field with what to enter', () => {
    const errors = validateConnection(form({ name: '-bad name', settings: { baseUrl: 'connect.plex.com',
      dataSourceBaseUrl: 'cloud' }, credentials: {} }), plex);
    expect(Object.keys(errors).sort()).toEqual(['name', 'settings.baseUrl', 'settings.dataSourceBaseUrl']);
    expect(errors['settings.baseUrl']).toMatch(/https:\/\//);
  });

  it('asks for the credentials of the chosen NetSuite mode only', () => {
    const netsuite = systemOf('netsuite', systems);
    const base = { name: 'ns', extra: [], settings: { accountId: '123' } };
    expect(Object.keys(validateConnection({ ...base, authMode: 'm2m', credentials: {} }, netsuite)).sort())
      .toEqual(['credentials.certificateId', 'credentials.clientId', 'credentials.privateKey']);
    expect(Object.keys(validateConnection({ ...base, authMode: 'tba', credentials: {} }, netsuite))).toHaveLength(4);
  });

  it('keeps the stored credentials when reconnecting with none entered', () => {
    const reconnect = form({ credentials: {} });
    expect(validateConnection(reconnect, plex, { keepCredentials: true })).toEqual({});
    expect(connectionRequest(reconnect, plex, { keepCredentials: true })).not.toHaveProperty('credentials');
  });

  it('takes a JDBC URL instead of host and database', () => {
    const postgres = systemOf('postgres', systems);
    const errors = validateConnection({ name: 'wh', extra: [], settings: { jdbcUrl: 'jdbc:postgresql://h/db' },
      credentials: { username: 'u' } }, postgres);
    expect(errors).toEqual({});
  });
});
