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
}
