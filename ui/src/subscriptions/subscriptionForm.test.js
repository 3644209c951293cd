import { describe, expect, it } from 'vitest';
import { subscriptionProblems } from './subscriptionForm.js';

describe('a new subscription', () => {
  it('takes https anywhere and http only on this machine', () => {
    expect(subscriptionProblems('https://hooks.example.com/x', ['sync.failed'])).toEqual({});
    expect(subscriptionProblems('http://127.0.0.1:9000/hook', ['sync.failed'])).toEqual({});
    expect(subscriptionProblems('http://hooks.example.com/x', ['sync.failed']).url).toMatch(/https/);
  });

  it('says what is missing', () => {
    expect(Object.keys(subscriptionProblems('not a url', [])).sort()).toEqual(['eventTypes', 'url']);
  });
});
