// How the steps of a flow are wired: which connections a step can use, which datasets earlier steps produce and the
// expression that reads each, and the wiring problems the designer's lint adds to Camunda 8's.

/** The inputs that name a connection: a step's own, and the transform's source connection (of any system). */
export const CONNECTION_INPUTS = ['connection', 'sourceConnection'];

/** The input that takes a dataset of records. */
export const RECORDS_INPUT = 'records';

// A step's output is either the dataset itself (the transform, NetSuite's record get) or a result holding it in
// `records` (every read and query: {records, cursor}; Plex's data source: {records, outputs, ...}).
const RETURNS_DATASET = new Set(['unified.transform', 'netsuite.record.get']);
const RETURNS_RESULT_WITH_RECORDS = /\.(read|query|find|execute)$/;

/**
 * The system whose connections a step's input takes: the step type's first segment when it is a connection type
 * (`plex.purchase-orders.read` → `plex`); null when any system will do (the transform's source connection) or the
 * step names no system.
 */
export function systemOfInput(stepType, inputName, connectionTypes) {
  if (inputName !== 'connection' || !stepType) return null;
  const system = stepType.split('.')[0];
  return connectionTypes.includes(system) ? system : null;
}

/** The connections a step's input offers: those of its system (or all), each with its health, by name. */
export function connectionChoices(connections, system) {
  return (connections || [])
    .filter((connection) => !system || connection.type === system)
    .map((connection) => ({ name: connection.name, type: connection.type, status: connection.health?.status || null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The expression that reads the dataset a step produced into its result variable; null when it produces none. */
export function recordsExpression(stepType, resultVariable) {
  if (!stepType || !resultVariable) return null;
  if (RETURNS_DATASET.has(stepType)) return `=${resultVariable}`;
  if (RETURNS_RESULT_WITH_RECORDS.test(stepType)) return `=${resultVariable}.records`;
  return null;
}

/**
 * The datasets the steps before `elementId` produce (following sequence flows backwards), nearest first, each with
 * the expression that reads it.
 *
 * @param model {tasks: [{id, name, stepType, resultVariable}], flows: [{source, target}]}
 */
export function upstreamDatasets(model, elementId) {
  const incoming = new Map();
  for (const flow of model.flows) {
    if (!incoming.has(flow.target)) incoming.set(flow.target, []);
    incoming.get(flow.target).push(flow.source);
  }
  const tasks = new Map(model.tasks.map((task) => [task.id, task]));
  const seen = new Set([elementId]);
  const queue = [...(incoming.get(elementId) || [])];
  const datasets = [];
  while (queue.length) {
    const id = queue.shift();
    if (seen.has(id)) continue;
    seen.add(id);
    const task = tasks.get(id);
    const expression = task && recordsExpression(task.stepType, task.resultVariable);
    if (expression) datasets.push({ elementId: id, name: task.name || id, stepType: task.stepType, expression });
    queue.push(...(incoming.get(id) || []));
  }
  return datasets;
}

/**
 * The inputs a task just given its step can be wired with at once, where the choice is plain: a Connection when the
 * tenant has one connection of the step's system (as n8n picks the only credential of a type), a Records input from
 * the nearest earlier step that produces a dataset, and the transform's source connection from that step's
 * connection. Inputs already set are left as they are. `{target: source}`.
 *
 * @param inputNames the zeebe:input targets the step's template has
 */
export function wiringDefaults(model, elementId, inputNames, connections, connectionTypes) {
  const tasks = new Map(model.tasks.map((task) => [task.id, task]));
  const task = tasks.get(elementId);
  if (!task?.stepType) return {};
  const unset = (name) => inputNames.includes(name) && !task.inputs[name];
  const [nearest] = upstreamDatasets(model, elementId);
  const defaults = {};
  if (unset('connection')) {
    const system = systemOfInput(task.stepType, 'connection', connectionTypes);
    const choices = system ? connectionChoices(connections, system) : [];
    if (choices.length === 1) defaults.connection = choices[0].name;
  }
  const sourceConnection = nearest && tasks.get(nearest.elementId).inputs.connection;
  if (unset('sourceConnection') && sourceConnection && !sourceConnection.startsWith('=')) {
    defaults.sourceConnection = sourceConnection;
  }
  if (unset(RECORDS_INPUT) && nearest) defaults[RECORDS_INPUT] = nearest.expression;
  return defaults;
}

/**
 * The wiring problems of a flow, as lint reports ({id, message, category}): a connection the tenant does not have, a
 * connection of another system than the step's, a task not connected on both sides, a task without a step, a flow
 * without an end event.
 *
 * @param model {processId, tasks: [{id, name, stepType, inputs, incoming, outgoing}], endEvents}
 */
export function wiringProblems(model, connections, connectionTypes) {
  const byName = new Map((connections || []).map((connection) => [connection.name, connection]));
  const reports = [];
  const report = (id, message, rule) => reports.push({ id, message, category: 'error', rule: `millflow/${rule}` });
  for (const task of model.tasks) {
    if (!task.stepType) report(task.id, 'This task runs no step: choose a step template for it.', 'task-without-step');
    if (task.incoming === 0 || task.outgoing === 0) {
      report(task.id, `This task is not connected ${task.incoming === 0 ? 'from a previous element' : 'to a next element'}: draw the sequence flow.`, 'disconnected-task');
    }
    for (const input of CONNECTION_INPUTS) {
      const value = task.inputs?.[input];
      if (!value || value.startsWith('=')) continue;
      const connection = byName.get(value);
      const system = systemOfInput(task.stepType, input, connectionTypes);
      if (!connection) {
        report(task.id, `There is no connection "${value}": choose one from the list, or connect it under Connections.`, 'unknown-connection');
      } else if (system && connection.type !== system) {
        report(task.id, `The connection "${value}" is a ${connection.type} connection; this step needs a ${system} one.`, 'wrong-system');
      }
    }
  }
  if (model.processId && model.endEvents === 0) {
    report(model.processId, 'The flow has no end event: add one after its last step.', 'no-end');
  }
  return reports;
}
