// The API token the user signed in with. Kept in localStorage so a reload stays signed in; sign-out removes it.
const KEY = 'millflow.token';

export function storedToken(storage = globalThis.localStorage) {
  return storage?.getItem(KEY) || null;
}

export function storeToken(token, storage = globalThis.localStorage) {
  storage.setItem(KEY, token);
}

export function forgetToken(storage = globalThis.localStorage) {
  storage.removeItem(KEY);
  storage.removeItem(ME);
}

const ME = 'millflow.me';

/** Who the token is ({tenant, role, token}) as GET /api/me said at sign-in; null before that endpoint existed. */
export function storedIdentity(storage = globalThis.localStorage) {
  try {
    return JSON.parse(storage?.getItem(ME) || 'null');
  } catch {
    return null;
  }
}

export function storeIdentity(me, storage = globalThis.localStorage) {
  if (me) storage.setItem(ME, JSON.stringify(me));
  else storage.removeItem(ME);
}
