// A step stopped because a connection's credentials were rejected (error code REAUTH_REQUIRED) says which connection
// in its message ("... of connection 'plex-sandbox' ..."); the run page links it to that connection's Reconnect page.

/** The connection a reauth-required attempt names; null for other attempts, or when the message names none. */
export function reauthConnection(attempt) {
  if (attempt?.errorCode !== 'REAUTH_REQUIRED') return null;
  const named = /connection '([^']+)'/.exec(attempt.error || '');
  return named ? named[1] : null;
}

/** Where to reconnect it: the connection's Reconnect page, or the connections list when the name is unknown. */
export function reconnectHref(connection) {
  return connection ? `#/connections/${encodeURIComponent(connection)}/reconnect` : '#/connections';
}
