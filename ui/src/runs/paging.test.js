import { describe, expect, test } from 'vitest';
import { pageOf, pageWindow, pagerState } from './paging.js';

describe('runs paging', () => {
  test('reads the page from the address, the first page for none or a bad one', () => {
    expect(pageOf({ page: '3' })).toBe(3);
    expect(pageOf({})).toBe(1);
    expect(pageOf({ page: '-2' })).toBe(1);
    expect(pageOf({ page: 'x' })).toBe(1);
  });

  test('asks the API for the window of a page', () => {
    expect(pageWindow(1)).toEqual({ limit: 50, offset: 0 });
    expect(pageWindow(3, 20)).toEqual({ limit: 20, offset: 40 });
  });

  test('says which runs a page shows out of the total, and whether there are pages around it', () => {
    expect(pagerState(2, 50, 1234)).toEqual({ text: '51–100 of 1,234', hasPrevious: true, hasNext: true, lastPage: 25 });
    expect(pagerState(25, 34, 1234)).toMatchObject({ text: '1,201–1,234 of 1,234', hasNext: false });
    expect(pagerState(1, 0, 0)).toEqual({ text: 'none of 0', hasPrevious: false, hasNext: false, lastPage: 1 });
  });

  test('without a total, a full page may have a next one', () => {
    expect(pagerState(1, 50, null)).toMatchObject({ text: '1–50', hasNext: true, lastPage: null });
    expect(pagerState(1, 12, null)).toMatchObject({ hasNext: false });
  });
});
