import { describe, expect, it } from 'vitest';
import { href, parseHash } from './routes.js';

describe('parseHash', () => {
  it('reads deep links with parameters and a query', () => {
    expect(parseHash('#/runs/9f1c')).toMatchObject({ name: 'run', params: { runId: '9f1c' } });
    expect(parseHash('#/runs?flow=a&status=incident')).toMatchObject({ name: 'runs', query: { flow: 'a', status: 'incident' } });
    expect(parseHash('#/flows/plex%20x/design?starter=blank')).toMatchObject({
      name: 'designer', params: { flowId: 'plex x' }, query: { starter: 'blank' }
    });
  });

  it('opens the flows for an empty hash and says notFound for unknown paths', () => {
    expect(parseHash('').name).toBe('flows');
    expect(parseHash('#/nowhere').name).toBe('notFound');
  });

  it('builds links without empty query values', () => {
    expect(href('/runs', { flow: 'a', status: '', since: undefined })).toBe('#/runs?flow=a');
  });
});
