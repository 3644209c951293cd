import { describe, expect, it } from 'vitest';
import { ApiError, UnreachableError, describeError } from './errors.js';

describe('describeError', () => {
  it('tells the user to start the runtime when it cannot be reached', () => {
    expect(describeError(new UnreachableError('/api/flows'))).toMatch(/cannot be reached.*\.\/millflow run/);
  });

  it('asks to sign in again on 401 and for a higher role on 403', () => {
    expect(describeError(new ApiError(401, { error: 'unauthorized' }))).toMatch(/Sign in again/);
    expect(describeError(new ApiError(403, { error: 'forbidden' }), { action: 'deploy' }))
      .toMatch(/^Could not deploy: .*higher role/);
    expect(describeError(new ApiError(403, { error: 'forbidden', message: 'Deploying needs the designer role' })))
      .toBe('Deploying needs the designer role. Ask an admin for a token with a higher role (viewer < operator < designer < admin).');
  });

  it("keeps the server's own sentence for a bad request and says to correct the input", () => {
    const text = describeError(new ApiError(400, { message: "Query parameter 'limit' must be between 1 and 1000" }));
    expect(text).toBe("Query parameter 'limit' must be between 1 and 1000. Correct the input and try again.");
  });

  it('points to the log for server failures, without echoing internals', () => {
    expect(describeError(new ApiError(500, { message: 'NullPointerException at x.y' })))
      .toMatch(/internal error \(500\).*log/);
  });

  it('suggests reloading when something is gone', () => {
    expect(describeError(new ApiError(404, { message: "No run with id 'x'" }))).toMatch(/No run with id 'x'\. Reload/);
  });

  it('keeps the problems per element of a refused flow', () => {
    const error = new ApiError(400, { error: 'invalid_flow', message: 'm', problems: [{ elementId: 'A', reason: 'r' }] });
    expect(error.problems).toEqual([{ elementId: 'A', reason: 'r' }]);
  });
});
