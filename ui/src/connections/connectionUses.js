// How the connection page lists the flows that use a connection: one row per flow, with its tasks; the tasks that
// choose their connection by a FEEL expression apart, as "may use it".

/** Groups uses ({flowId, flowName, elementId, elementName, known, expression}) by flow: {known, unknown}, each a list of flows. */
export function usesByFlow(uses) {
  const group = (list) => {
    const flows = new Map();
    for (const use of list) {
      const flow = flows.get(use.flowId) || { flowId: use.flowId, flowName: use.flowName || use.flowId, tasks: [] };
      flow.tasks.push({ elementId: use.elementId, name: use.elementName || use.elementId, expression: use.expression || null });
      flows.set(use.flowId, flow);
    }
    return [...flows.values()].sort((a, b) => a.flowName.localeCompare(b.flowName));
  };
  return { known: group(uses.filter((use) => use.known)), unknown: group(uses.filter((use) => !use.known)) };
}
