import { describe, expect, test } from 'vitest';
import { connectionChoices, recordsExpression, systemOfInput, upstreamDatasets, wiringDefaults, wiringProblems } from './wiring.js';
import { flowModel } from './flowModel.js';

const TYPES = ['plex', 'postgres', 'file'];
const CONNECTIONS = [
  { name: 'warehouse', type: 'postgres', health: { status: 'online' } },
  { name: 'plex-sandbox', type: 'plex', health: { status: 'online' } },
  { name: 'files', type: 'file' }
];

const task = (id, stepType, extra = {}) => ({ id, name: null, stepType, inputs: {}, resultVariable: null, incoming: 1, outgoing: 1, ...extra });

describe('connections a step offers', () => {
  test('a step takes connections of the system its type names', () => {
    expect(systemOfInput('plex.purchase-orders.read', 'connection', TYPES)).toBe('plex');
    expect(connectionChoices(CONNECTIONS, 'plex')).toEqual([{ name: 'plex-sandbox', type: 'plex', status: 'online' }]);
  });

  test('the transform\'s source connection and a step of no known system take any connection', () => {
    expect(systemOfInput('unified.transform', 'sourceConnection', TYPES)).toBeNull();
    expect(systemOfInput('webhook.send', 'connection', TYPES)).toBeNull();
    expect(connectionChoices(CONNECTIONS, null).map((c) => c.name)).toEqual(['files', 'plex-sandbox', 'warehouse']);
  });
});

describe('the records expression', () => {
  test('reads the records of a read or query result, and the transform\'s dataset itself', () => {
    expect(recordsExpression('plex.purchase-orders.read', 'orders')).toBe('=orders.records');
    expect(recordsExpression('postgres.query', 'rows')).toBe('=rows.records');
    expect(recordsExpression('plex.datasource.execute', 'ds')).toBe('=ds.records');
    expect(recordsExpression('unified.transform', 'purchaseOrders')).toBe('=purchaseOrders');
    expect(recordsExpression('netsuite.record.get', 'items')).toBe('=items');
  });

  test('a sink produces no dataset to pick', () => {
    expect(recordsExpression('postgres.write', 'written')).toBeNull();
    expect(recordsExpression('plex.purchase-orders.read', null)).toBeNull();
  });

  test('offers the datasets of the steps before a task, nearest first, and none after it', () => {
    const model = {
      tasks: [
        task('Read', 'plex.purchase-orders.read', { name: 'Read orders', resultVariable: 'orders' }),
        task('Map', 'unified.transform', { resultVariable: 'purchaseOrders' }),
        task('Write', 'postgres.write', { resultVariable: 'written' }),
        task('Later', 'plex.purchase-orders.read', { resultVariable: 'later' })
      ],
      flows: [
        { source: 'Start', target: 'Read' }, { source: 'Read', target: 'Map' },
        { source: 'Map', target: 'Write' }, { source: 'Write', target: 'Later' }
      ]
    };
    expect(upstreamDatasets(model, 'Write')).toEqual([
      { elementId: 'Map', name: 'Map', stepType: 'unified.transform', expression: '=purchaseOrders' },
      { elementId: 'Read', name: 'Read orders', stepType: 'plex.purchase-orders.read', expression: '=orders.records' }
    ]);
  });
});

describe('wiring problems', () => {
  const rules = (model) => wiringProblems(model, CONNECTIONS, TYPES).map((report) => `${report.id} ${report.rule}`);

  test('flags an unknown connection and a connection of another system, not a FEEL one', () => {
    const model = {
      processId: 'p', endEvents: 1,
      tasks: [
        task('A', 'plex.purchase-orders.read', { inputs: { connection: 'plex-typo' } }),
        task('B', 'plex.purchase-orders.read', { inputs: { connection: 'warehouse' } }),
        task('C', 'unified.transform', { inputs: { sourceConnection: 'plex-sandbox' } }),
        task('D', 'postgres.write', { inputs: { connection: '=target' } })
      ]
    };
    expect(rules(model)).toEqual(['A millflow/unknown-connection', 'B millflow/wrong-system']);
    expect(wiringProblems(model, CONNECTIONS, TYPES)[1].message).toMatch(/"warehouse" is a postgres connection; this step needs a plex one/);
  });

  test('flags a disconnected task, a task without a step and a flow without an end', () => {
    const model = { processId: 'p', endEvents: 0, tasks: [task('A', null), task('B', 'postgres.write', { outgoing: 0 })] };
    expect(rules(model)).toEqual(['A millflow/task-without-step', 'B millflow/disconnected-task', 'p millflow/no-end']);
  });
});

describe('the flow model', () => {
  test('reads tasks with their step, inputs and result variable, the sequence flows and the end events', () => {
    const read = {
      $type: 'bpmn:ServiceTask', id: 'Read', name: 'Read orders', incoming: [{}], outgoing: [{}],
      extensionElements: { values: [
        { $type: 'zeebe:TaskDefinition', type: 'plex.purchase-orders.read' },
        { $type: 'zeebe:IoMapping', inputParameters: [{ source: 'plex-sandbox', target: 'connection' }] },
        { $type: 'zeebe:TaskHeaders', values: [{ key: 'resultVariable', value: 'orders' }] }
      ] }
    };
    const definitions = { rootElements: [{ $type: 'bpmn:Process', id: 'p', flowElements: [
      { $type: 'bpmn:StartEvent', id: 'S' }, read, { $type: 'bpmn:EndEvent', id: 'E' },
      { $type: 'bpmn:SequenceFlow', id: 'f1', sourceRef: { id: 'S' }, targetRef: { id: 'Read' } }
    ] }] };
    expect(flowModel(definitions)).toEqual({
      processId: 'p', endEvents: 1, flows: [{ source: 'S', target: 'Read' }],
      tasks: [{ id: 'Read', name: 'Read orders', stepType: 'plex.purchase-orders.read', inputs: { connection: 'plex-sandbox' },
        resultVariable: 'orders', incoming: 1, outgoing: 1 }]
    });
  });
});

describe('wiring a task given its step', () => {
  const read = task('Read', 'plex.purchase-orders.read', { resultVariable: 'orders', inputs: { connection: 'plex-sandbox' } });
  const chain = (...tasks) => ({
    tasks, flows: tasks.slice(1).map((next, i) => ({ source: tasks[i].id, target: next.id })), endEvents: 0
  });

  test('the only connection of the step\'s system, and none where the tenant has several or none', () => {
    const model = chain(task('Write', 'postgres.write'));
    expect(wiringDefaults(model, 'Write', ['connection', 'records'], CONNECTIONS, TYPES)).toEqual({ connection: 'warehouse' });
    const two = [...CONNECTIONS, { name: 'reporting', type: 'postgres' }];
    expect(wiringDefaults(model, 'Write', ['connection'], two, TYPES)).toEqual({});
    expect(wiringDefaults(chain(task('Get', 'mysql.query')), 'Get', ['connection'], CONNECTIONS, [...TYPES, 'mysql'])).toEqual({});
  });

  test('the nearest earlier dataset as records, and its step\'s connection as the transform\'s source connection', () => {
    const model = chain(read, task('Map', 'unified.transform', { resultVariable: 'unified' }), task('Write', 'postgres.write'));
    expect(wiringDefaults(model, 'Map', ['records', 'sourceConnection'], CONNECTIONS, TYPES))
      .toEqual({ records: '=orders.records', sourceConnection: 'plex-sandbox' });
    expect(wiringDefaults(model, 'Write', ['connection', 'records'], CONNECTIONS, TYPES))
      .toEqual({ connection: 'warehouse', records: '=unified' });
  });

  test('inputs already set, inputs the step does not have and a task without a step are left alone', () => {
    const model = chain(read, task('Map', 'unified.transform', { inputs: { records: '=other' } }), task('Blank', null));
    expect(wiringDefaults(model, 'Map', ['records'], CONNECTIONS, TYPES)).toEqual({});
    expect(wiringDefaults(model, 'Read', ['limit'], CONNECTIONS, TYPES)).toEqual({});
    expect(wiringDefaults(model, 'Blank', ['records'], CONNECTIONS, TYPES)).toEqual({});
  });
});
