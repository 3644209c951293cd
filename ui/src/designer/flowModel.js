// A flow's diagram (the modeler's moddle definitions) as the plain shape the wiring logic reads.

const TASK_TYPES = new Set(['bpmn:Task', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask']);

/** The Zeebe extension of a type ('zeebe:TaskDefinition', ...) on a business object, or undefined. */
export function extension(businessObject, type) {
  return businessObject?.extensionElements?.values?.find((value) => value.$type === type);
}

/** A task's step type, inputs (target → source), result variable and connections to other elements. */
export function taskOf(element) {
  const inputs = {};
  for (const input of extension(element, 'zeebe:IoMapping')?.inputParameters || []) inputs[input.target] = input.source ?? '';
  const headers = extension(element, 'zeebe:TaskHeaders')?.values || [];
  return {
    id: element.id,
    name: element.name || null,
    stepType: extension(element, 'zeebe:TaskDefinition')?.type || null,
    inputs,
    resultVariable: headers.find((header) => header.key === 'resultVariable')?.value || null,
    incoming: element.incoming?.length || 0,
    outgoing: element.outgoing?.length || 0
  };
}

/** {processId, tasks, flows, endEvents} of the definitions' first process (sub-processes included). */
export function flowModel(definitions) {
  const process = definitions?.rootElements?.find((element) => element.$type === 'bpmn:Process');
  const model = { processId: process?.id || null, tasks: [], flows: [], endEvents: 0 };
  const walk = (elements) => {
    for (const element of elements || []) {
      if (TASK_TYPES.has(element.$type)) model.tasks.push(taskOf(element));
      else if (element.$type === 'bpmn:SequenceFlow') model.flows.push({ source: element.sourceRef?.id, target: element.targetRef?.id });
      else if (element.$type === 'bpmn:EndEvent') model.endEvents += 1;
      if (element.flowElements) walk(element.flowElements);
    }
  };
  walk(process?.flowElements);
  return model;
}
