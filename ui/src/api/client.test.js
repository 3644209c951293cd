import { describe, expect, it } from 'vitest';
import { downloadByLink, requestPage } from './client.js';

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

describe('downloadByLink', () => {
  it('asks for a one-time link and has the browser follow it, with no body held in the page', async () => {
    const asked = [];
    const clicked = [];
    const doc = {
      body: { append: () => {} },
      createElement: () => ({ click() { clicked.push({ href: this.href, download: this.download }); }, remove: () => {} })
    };
    const post = async (path) => {
      asked.push(path);
      return { url: '/downloads/runs/r/datasets/d?ticket=abc', expiresAt: '2026-12-07T17:00:00Z' };
    };

    await downloadByLink('/api/runs/r/datasets/d/download-link?format=csv', { post, doc });

    expect(asked).toEqual(['/api/runs/r/datasets/d/download-link?format=csv']);
    expect(clicked).toEqual([{ href: '/downloads/runs/r/datasets/d?ticket=abc', download: '' }]);
  });
});
