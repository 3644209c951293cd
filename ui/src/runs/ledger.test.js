import { describe, expect, it } from 'vitest';
import { balanceText, ledgerRows, newFields, unfilledFields } from './ledger.js';

const path = {
  read: 10, mapped: 8, inserted: 3, updated: 2, unchanged: 1, skippedOlder: 2, rejected: 1, collapsed: 1, filtered: 0,
  balanced: true, checked: true, gap: 0, gapAt: null,
};

describe('the ledger of a path', () => {
  it('lists every count in the order the balance adds them up', () => {
    expect(ledgerRows(path).map(([, count]) => count)).toEqual([10, 8, 3, 2, 1, 2, 1, 1, 0]);
  });

  it('lists the source fields outside the published shape, most frequent first', () => {
    expect(newFields({ plantCode: 1, vendorRating: 25 })).toEqual([
      ['vendorRating', 'in 25 records'], ['plantCode', 'in 1 record']
    ]);
    expect(newFields(undefined)).toEqual([]);
  });

  it('names the gap and where it arose when a path does not balance', () => {
    expect(balanceText(path)).toBe('balanced');
    expect(balanceText({ ...path, balanced: false, gap: 3, gapAt: 'Filter (read 10, passed on 7)' }))
      .toBe('3 records missing: Filter (read 10, passed on 7)');
    expect(balanceText({ ...path, checked: false })).toMatch(/not checked/);
  });

  it('shows the fields not filled in every record, emptiest first', () => {
    const fills = {
      orderNumber: { filled: 25, total: 25, rate: 1 },
      'lines.quantity': { filled: 0, total: 125, rate: 0 },
      notes: { filled: 5, total: 25, rate: 0.2 },
    };
    expect(unfilledFields(fills)).toEqual([['lines.quantity', '0 of 125'], ['notes', '5 of 25']]);
  });
});
