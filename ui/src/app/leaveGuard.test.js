import { afterEach, describe, expect, test } from 'vitest';
import { leaveGuard, mayLeave, setLeaveGuard, undoDirection } from './leaveGuard.js';

describe('leave guard', () => {
  afterEach(() => setLeaveGuard(null));

  test('without a guard every navigation goes ahead and nothing is asked', () => {
    const asked = [];
    expect(mayLeave('/flows/f/design', '/runs', (text) => asked.push(text))).toBe(true);
    expect(asked).toEqual([]);
  });

  test('with a guard the answer decides', () => {
    setLeaveGuard('Leave?');
    expect(leaveGuard()).toBe('Leave?');
    expect(mayLeave('/flows/f/design', '/runs', () => false)).toBe(false);
    expect(mayLeave('/flows/f/design', '/runs', () => true)).toBe(true);
  });

  test('a change within the same page is not asked about', () => {
    setLeaveGuard('Leave?');
    expect(mayLeave('/flows/f/design', '/flows/f/design', () => false)).toBe(true);
  });
});

describe('undoing a navigation the user declined', () => {
  test('a link (a new entry) and a forward step are undone by going back', () => {
    expect(undoDirection(null, 3)).toBe('back');
    expect(undoDirection(4, 3)).toBe('back');
  });

  test('the back button is undone by going forward', () => {
    expect(undoDirection(2, 3)).toBe('forward');
    expect(undoDirection(0, 3)).toBe('forward');
  });
});
