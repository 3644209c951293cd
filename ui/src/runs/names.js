// What a run page calls a step: the element's name in the flow, else the name of the step's template, else its id.

/** stepType → template name, from the element templates (GET /api/element-templates). */
export function templateNames(templates) {
  const names = new Map();
  for (const template of templates || []) {
    const type = template.properties?.find((p) => p.binding?.type === 'zeebe:taskDefinition' && p.binding.property === 'type')?.value
      || template.properties?.find((p) => p.binding?.type === 'zeebe:taskDefinition:type')?.value;
    if (type && template.name) names.set(type, template.name);
  }
  return names;
}

/** elementId → name of every named element of a BPMN document (given its elements as [id, name] pairs). */
export function elementNames(pairs) {
  return new Map((pairs || []).filter(([id, name]) => id && name));
}

/** The name to show for a step. */
export function stepName(elementId, stepType, names, templates) {
  return names?.get(elementId) || templates?.get(stepType) || elementId;
}

/** A message with each quoted element id ('ReadOrders') followed by the element's name: 'ReadOrders' (Read orders). */
export function withElementNames(text, names) {
  if (!text || !names?.size) return text;
  return text.replace(/'([A-Za-z_][\w.-]*)'/g, (quoted, id) => (names.has(id) ? `'${names.get(id)}' (${id})` : quoted));
}
