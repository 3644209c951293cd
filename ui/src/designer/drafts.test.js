import { describe, expect, test } from 'vitest';
import { clearDraft, draftKey, draftToOffer, loadDraft, saveDraft } from './drafts.js';

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key)
  };
}

describe('drafts', () => {
  test('a saved draft loads back with its base version and time', () => {
    const storage = memoryStorage();
    const key = draftKey('plex-po', 'acme');
    saveDraft(storage, key, { xml: '<a/>', baseVersion: 3 }, Date.parse('2026-12-07T10:00:00Z'));
    expect(loadDraft(storage, key)).toEqual({ xml: '<a/>', baseVersion: 3, savedAt: '2026-12-07T10:00:00.000Z' });
  });

  test('each tenant and flow has its own draft', () => {
    expect(draftKey('f', 'acme')).not.toBe(draftKey('f', 'other'));
    expect(draftKey('f', 'acme')).not.toBe(draftKey('g', 'acme'));
  });

  test('a cleared or unreadable draft is none', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'k', { xml: '<a/>' });
    clearDraft(storage, 'k');
    expect(loadDraft(storage, 'k')).toBeNull();
    storage.setItem('k', '{not json');
    expect(loadDraft(storage, 'k')).toBeNull();
  });

  test('a full storage does not throw', () => {
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveDraft(full, 'k', { xml: '<a/>' })).toBe(false);
  });

  test('only a draft that differs from the loaded diagram is offered', () => {
    const draft = { xml: '<a>\n  <b/>\n</a>' };
    expect(draftToOffer(draft, '<a><b/></a>')).toBeNull();
    expect(draftToOffer(draft, '<a><c/></a>')).toBe(draft);
    expect(draftToOffer(null, '<a/>')).toBeNull();
  });
});
