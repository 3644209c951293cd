import { describe, expect, it } from 'vitest';
import { editableRoutes, emptyTrigger, routesUpdate, runIdsOf, serverFieldErrors, signingExample, triggerDefinition, validateRoutes, validateTrigger } from './triggerForm.js';

const filled = () => ({
  ...emptyTrigger(),
  name: ' Idhammar stops ',
  eventIdSource: 'header',
  eventIdValue: 'X-Event-Id',
  routes: [{ condition: 'body.type = "downtime"', flowId: 'idhammar-downtime-to-mongodb', variables: '' }]
});

describe('the webhook trigger form', () => {
  it('builds the definition the API takes', () => {
    expect(triggerDefinition(filled())).toEqual({
      name: 'Idhammar stops',
      signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
      eventId: 'header:X-Event-Id',
      matchAll: false,
      routes: [{ condition: 'body.type = "downtime"', flowId: 'idhammar-downtime-to-mongodb' }]
    });
  });

  it('matches every event when a route has no condition, and hashes the body when no event id is set', () => {
    const form = { ...filled(), eventIdSource: 'body', routes: [{ condition: ' ', flowId: 'f', variables: '{id: body.id}' }] };
    const definition = triggerDefinition(form);
    expect(definition.eventId).toBeNull();
    expect(definition.routes).toEqual([{ condition: 'true', flowId: 'f', variables: '{id: body.id}' }]);
  });

  it('sends only the header for Makini and the tolerance for timestamped signatures', () => {
    expect(triggerDefinition({ ...filled(), signature: { ...filled().signature, type: 'makini' } }).signature).toEqual({ type: 'makini' });
    expect(triggerDefinition({ ...filled(), signature: { ...filled().signature, type: 'timestamped', toleranceSeconds: '60' } }).signature)
      .toEqual({ type: 'timestamped', header: 'X-Signature', toleranceSeconds: 60 });
  });

  it('says what is missing', () => {
    const errors = validateTrigger({
      ...emptyTrigger(), eventIdSource: 'pointer', eventIdValue: 'id',
      routes: [{ condition: '', flowId: '', variables: 'orderId' }]
    });
    expect(Object.keys(errors).sort()).toEqual(['eventIdValue', 'name', 'routes.0.flowId', 'routes.0.variables']);
    expect(validateTrigger(filled())).toEqual({});
  });

  it('reads the runs an event started', () => {
    expect(runIdsOf({ runIds: ['a-1', 'b-2'] })).toEqual(['a-1', 'b-2']);
    expect(runIdsOf({ runIds: [] })).toEqual([]);
    expect(runIdsOf({})).toEqual([]);
  });
});

describe('editing the routes of a trigger', () => {
  it('loads the routes into the editor and sends them back in the API shape', () => {
    const trigger = { routes: [{ condition: 'true', flowId: 'a', variables: null }, { condition: 'body.x > 1', flowId: 'b', variables: '{x: body.x}' }] };
    const routes = editableRoutes(trigger);
    expect(routes).toEqual([{ condition: '', flowId: 'a', variables: '' }, { condition: 'body.x > 1', flowId: 'b', variables: '{x: body.x}' }]);
    expect(routesUpdate(routes, true)).toEqual({
      routes: [{ condition: 'true', flowId: 'a' }, { condition: 'body.x > 1', flowId: 'b', variables: '{x: body.x}' }],
      matchAll: true
    });
    expect(validateRoutes(routes)).toEqual({});
  });

  it('leaves message routes alone: the editor only starts flows', () => {
    expect(editableRoutes({ routes: [{ condition: 'true', message: { name: 'm' } }] })).toBeNull();
  });
});

describe('what the trigger page tells a sender and a designer', () => {
  const schemes = [
    { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex' },
    { type: 'timestamped', header: 'Stripe-Signature' },
    { type: 'makini' }
  ];

  it.each(schemes)('the $type signing example sets every shell variable it uses', (signature) => {
    const script = signingExample('http://localhost/webhooks/t-1', signature);
    const used = new Set([...script.matchAll(/\$([A-Z_]+)/g)].map((match) => match[1]));
    const set = new Set([...script.matchAll(/(?:^|[\s;])([A-Z_]+)=/gm)].map((match) => match[1]));
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(set, `${name} is used but never set`).toContain(name);
  });

  it('a field the API refused is shown on the form field it names', () => {
    expect(serverFieldErrors({ field: 'routes[1].condition', message: 'not valid FEEL' }))
      .toEqual({ 'routes.1.condition': 'not valid FEEL' });
    expect(serverFieldErrors({ message: 'no field' })).toEqual({});
  });
});
