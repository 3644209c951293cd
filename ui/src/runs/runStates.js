// How a run looks on its diagram: the state of each element, and the path the run took.

const STATE_OF_STATUS = {
  completed: 'completed',
  running: 'active',
  retrying: 'active',
  failed: 'failed',
  error_thrown: 'failed'
};

/** Each step's attempts, grouped per BPMN element in the order the steps first started. */
export function stepsByElement(steps) {
  const groups = new Map();
  for (const entry of steps || []) {
    const attempt = { ...entry.step, log: entry.log || [], errorDetail: entry.errorDetail || null };
    if (!groups.has(attempt.elementId)) groups.set(attempt.elementId, []);
    groups.get(attempt.elementId).push(attempt);
  }
  const rows = [...groups.entries()].map(([elementId, attempts]) => {
    const sorted = [...attempts].sort((a, b) => a.attempt - b.attempt || time(a.startedAt) - time(b.startedAt));
    const latest = sorted[sorted.length - 1];
    return {
      elementId,
      stepType: latest.stepType,
      attempts: sorted,
      latest,
      state: STATE_OF_STATUS[latest.status] || 'active',
      startedAt: sorted[0].startedAt,
      endedAt: latest.endedAt
    };
  });
  return rows.sort((a, b) => time(a.startedAt) - time(b.startedAt));
}

/** elementId → 'completed' | 'active' | 'failed', from the latest attempt of each step. */
export function elementStates(steps) {
  return new Map(stepsByElement(steps).map((row) => [row.elementId, row.state]));
}

/**
 * The nodes a run passed and the sequence flows it took. Only tasks leave attempts in the history, so events and
 * gateways count as passed when they lie between passed nodes (a start event leading to a passed task, a gateway
 * between two, an end event after a passed node once the run completed).
 *
 * @param graph {nodes: [{id, kind: 'task'|'start'|'end'|'other'}], flows: [{id, source, target}]}
 */
export function pathTaken(graph, states, runStatus) {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const outgoing = new Map();
  const incoming = new Map();
  for (const flow of graph.flows) {
    if (!outgoing.has(flow.source)) outgoing.set(flow.source, []);
    if (!incoming.has(flow.target)) incoming.set(flow.target, []);
    outgoing.get(flow.source).push(flow.target);
    incoming.get(flow.target).push(flow.source);
  }
  const isTask = (id) => nodes.get(id)?.kind === 'task';
  const taskPassed = (id) => states.has(id);

  const leadsToPassed = memo((id, seen) => {
    if (isTask(id)) return taskPassed(id);
    if (nodes.get(id)?.kind === 'end') return runStatus === 'completed';
    return (outgoing.get(id) || []).some((next) => !seen.has(next) && leadsToPassed(next, new Set([...seen, next])));
  });
  const comesFromPassed = memo((id, seen) => {
    if (isTask(id)) return taskPassed(id);
    if (nodes.get(id)?.kind === 'start') return true;
    return (incoming.get(id) || []).some((prev) => !seen.has(prev) && comesFromPassed(prev, new Set([...seen, prev])));
  });

  const passed = new Set();
  for (const node of graph.nodes) {
    if (isTask(node.id)) {
      if (taskPassed(node.id)) passed.add(node.id);
    } else if (comesFromPassed(node.id, new Set([node.id])) && leadsToPassed(node.id, new Set([node.id]))) {
      passed.add(node.id);
    }
  }
  const taken = new Set(graph.flows.filter((flow) => passed.has(flow.source) && passed.has(flow.target)
    && states.get(flow.source) !== 'failed' && states.get(flow.source) !== 'active').map((flow) => flow.id));
  return { passed, taken };
}

function memo(fn) {
  const cache = new Map();
  const wrapped = (id, seen) => {
    if (cache.has(id)) return cache.get(id);
    const value = fn(id, seen);
    cache.set(id, value);
    return value;
  };
  return wrapped;
}

function time(iso) {
  return iso ? new Date(iso).getTime() : Number.MAX_SAFE_INTEGER;
}

/** The diagram's elements as a graph for pathTaken, from bpmn-js elements ({id, type, source?, target?}). */
export function graphOf(elements) {
  const nodes = [];
  const flows = [];
  for (const element of elements) {
    const type = element.type || '';
    if (type === 'bpmn:SequenceFlow') {
      flows.push({ id: element.id, source: element.source?.id, target: element.target?.id });
    } else if (/Task$/.test(type) || type === 'bpmn:CallActivity' || type === 'bpmn:SubProcess') {
      nodes.push({ id: element.id, kind: 'task' });
    } else if (type === 'bpmn:StartEvent') {
      nodes.push({ id: element.id, kind: 'start' });
    } else if (type === 'bpmn:EndEvent') {
      nodes.push({ id: element.id, kind: 'end' });
    } else if (/Event$|Gateway$/.test(type)) {
      nodes.push({ id: element.id, kind: 'other' });
    }
  }
  return { nodes, flows };
}
