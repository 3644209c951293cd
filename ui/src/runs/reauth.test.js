import { describe, expect, test } from 'vitest';
import { reauthConnection, reconnectHref } from './reauth.js';

describe('reauth link', () => {
  test('a rejected credential names the connection to reconnect', () => {
    const attempt = { errorCode: 'REAUTH_REQUIRED', error: "The API of connection 'plex-eu' rejected its credentials (HTTP 401)." };
    expect(reauthConnection(attempt)).toBe('plex-eu');
    expect(reconnectHref('plex-eu')).toBe('#/connections/plex-eu/reconnect');
  });

  test('other failures link nowhere, and an unnamed connection links to the list', () => {
    expect(reauthConnection({ errorCode: 'STEP_FAILED', error: "connection 'x'" })).toBeNull();
    expect(reauthConnection({ errorCode: 'REAUTH_REQUIRED', error: 'Token expired.' })).toBeNull();
    expect(reconnectHref(null)).toBe('#/connections');
  });
});
