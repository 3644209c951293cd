import { describe, expect, it } from 'vitest';
import { requestPage } from './client.js';

const answer = (body, headers = {}) => async () => new Response(JSON.stringify(body), {
  status: 200, headers: { 'Content-Type': 'application/json', ...headers }
});

describe('requestPage', () => {
  it('answers the items with the total of every page from X-Total-Count', async () => {
    const page = await requestPage('/api/runs?limit=2', { token: 't', fetchImpl: answer([{ id: 'a' }, { id: 'b' }], { 'X-Total-Count': '1234' }) });
    expect(page).toEqual({ items: [{ id: 'a' }, { id: 'b' }], total: 1234 });
  });

  it('has no total when the server sends none', async () => {
    expect(await requestPage('/api/runs', { token: 't', fetchImpl: answer([]) })).toEqual({ items: [], total: null });
  });
});
