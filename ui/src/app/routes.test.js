import { describe, expect, it } from 'vitest';
import { href, pageTitle, parseHash } from './routes.js';

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

describe('pageTitle', () => {
  it('gives every page a title of its own', () => {
    expect(pageTitle(parseHash('#/runs/9f1c2a52-0000'))).toBe('Run 9f1c2a52 · Millflow');
    expect(pageTitle(parseHash('#/flows/plex-po/design'))).toBe('Design plex-po · Millflow');
    expect(pageTitle(parseHash('#/connections'))).toBe('Connections · Millflow');
    expect(pageTitle(parseHash('#/nowhere'))).toBe('Page not found · Millflow');
  });
});
