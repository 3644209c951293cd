import { describe, expect, it } from 'vitest';
import { connectionRequest, findSystems, systemOf, validateConnection } from './systems.js';

describe('the system list', () => {
  it('finds systems by any word of name, type or group', () => {
    expect(findSystems('net').map((s) => s.type)).toEqual(['netsuite']);
    expect(findSystems('databases sql').map((s) => s.type)).toEqual(['postgres', 'mysql']);
    expect(findSystems('').length).toBeGreaterThan(6);
  });

  it('offers only the types the runtime can test', () => {
    expect(findSystems('', ['plex', 'file']).map((s) => s.type)).toEqual(['plex', 'file']);
  });
});

describe('the connect form', () => {
  const plex = systemOf('plex');
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
    const errors = validateConnection(form({ name: '-bad name', settings: { baseUrl: 'connect.plex.com' }, credentials: {} }), plex);
    expect(Object.keys(errors).sort()).toEqual(['credentials.apiKey', 'name', 'settings.baseUrl']);
    expect(errors['settings.baseUrl']).toMatch(/https:\/\//);
  });

  it('asks for the credentials of the chosen NetSuite mode only', () => {
    const netsuite = systemOf('netsuite');
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
    const postgres = systemOf('postgres');
    const errors = validateConnection({ name: 'wh', extra: [], settings: { jdbcUrl: 'jdbc:postgresql://h/db' },
      credentials: { username: 'u' } }, postgres);
    expect(errors).toEqual({});
  });
});
