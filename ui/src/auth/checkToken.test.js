import { describe, expect, it } from 'vitest';
import { checkToken } from './SignInPage.jsx';

const answer = (status, body) => async () => ({
  status,
  ok: status >= 200 && status < 300,
  headers: new Headers({ 'Content-Type': 'application/json' }),
  text: async () => JSON.stringify(body)
});

describe('checking a token at sign-in', () => {
  it('takes a token /api/me accepts, with who it is', async () => {
    const me = { tenant: 'default', role: 'admin', token: 'first-admin' };
    expect(await checkToken('t', answer(200, me))).toEqual({ ok: true, me });
  });

  it('takes the token on a runtime without /api/me (404): the first data call decides', async () => {
    expect(await checkToken('t', answer(404, { error: 'not_found' }))).toEqual({ ok: true, me: null });
  });

  it('refuses a token the runtime does not accept, saying what to do', async () => {
    const result = await checkToken('t', answer(401, { error: 'unauthorized', message: 'no' }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/not accepted.*ask an admin/);
  });

  it('says the runtime cannot be reached when the request fails', async () => {
    const result = await checkToken('t', async () => { throw new TypeError('fetch failed'); });
    expect(result.message).toMatch(/cannot be reached/);
  });
});
