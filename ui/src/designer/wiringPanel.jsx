// The properties panel's wiring entries: a step's Connection is a dropdown of the tenant's connections of the step's
// system (a FEEL expression stays possible), and its Records input offers the datasets that earlier steps produce.
// The panel renders with the Preact copy it ships, so these components use that copy's JSX runtime and hooks: the
// app's own Preact would have no current component there.
/** @jsxImportSource @bpmn-io/properties-panel/preact */
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { CONNECTION_INPUTS, RECORDS_INPUT, connectionChoices, systemOfInput, upstreamDatasets, wiringDefaults } from './wiring.js';
import { extension, flowModel, taskOf } from './flowModel.js';

const FEEL_CHOICE = '__feel__';
// after the element templates' provider (priority 300), so its entries are there to replace
const AFTER_TEMPLATES = 100;

/** Sets a zeebe:input of a task, creating the input (and its I/O mapping) when the task has none yet. */
export function setInput(injector, element, target, source) {
  const modeling = injector.get('modeling');
  const bpmnFactory = injector.get('bpmnFactory');
  const businessObject = element.businessObject;
  const ioMapping = extension(businessObject, 'zeebe:IoMapping');
  const input = ioMapping?.inputParameters?.find((parameter) => parameter.target === target);
  if (input) {
    modeling.updateModdleProperties(element, input, { source });
    return;
  }
  const created = bpmnFactory.create('zeebe:Input', { source, target });
  if (ioMapping) {
    modeling.updateModdleProperties(element, ioMapping, { inputParameters: [...(ioMapping.inputParameters || []), created] });
    return;
  }
  const mapping = bpmnFactory.create('zeebe:IoMapping', { inputParameters: [created] });
  const extensions = businessObject.extensionElements;
  if (extensions) {
    modeling.updateModdleProperties(element, extensions, { values: [...extensions.values, mapping] });
  } else {
    modeling.updateProperties(element, { extensionElements: bpmnFactory.create('bpmn:ExtensionElements', { values: [mapping] }) });
  }
}

function ConnectionEntry(props) {
  const { element, id, property, original: Original } = props;
  const injector = useService('injector');
  const wiring = useService('millflowWiring');
  const target = property.binding.name;
  const task = taskOf(element.businessObject);
  const value = task.inputs[target] || '';
  const [feel, setFeel] = useState(value.startsWith('='));
  const system = systemOfInput(task.stepType, target, wiring.connectionTypes);
  const choices = connectionChoices(wiring.connections, system);

  if (feel || value.startsWith('=')) {
    return (
      <div class="mf-connection-feel">
        <Original {...props} />
        <button type="button" class="mf-link-button" onClick={() => { setFeel(false); setInput(injector, element, target, ''); }}>
          Choose from the connections instead
        </button>
      </div>
    );
  }
  const selectId = `mf-${id}`;
  const known = choices.some((choice) => choice.name === value);
  const change = (event) => {
    const chosen = event.currentTarget.value;
    if (chosen === FEEL_CHOICE) setFeel(true);
    else setInput(injector, element, target, chosen);
  };
  return (
    <div class="bio-properties-panel-entry mf-connection-entry" data-entry-id={id}>
      <label class="bio-properties-panel-label" for={selectId}>{property.label}</label>
      <div class="bio-properties-panel-select">
        <select id={selectId} name={target} class="bio-properties-panel-input" value={value} onChange={change}>
          <option value="">{choices.length ? 'Choose a connection…' : `No ${system || ''} connection yet: connect one under Connections`}</option>
          {value && !known && <option value={value}>{value} (not a {system ? `${system} ` : ''}connection of this tenant)</option>}
          {choices.map((choice) => (
            <option value={choice.name} key={choice.name}>
              {choice.name}{system ? '' : ` (${choice.type})`}{choice.status ? ` · ${choice.status}` : ''}
            </option>
          ))}
          <option value={FEEL_CHOICE}>FEEL expression…</option>
        </select>
      </div>
      {property.description && <div class="bio-properties-panel-description">{property.description}</div>}
    </div>
  );
}

function RecordsEntry(props) {
  const { element, id, property, original: Original } = props;
  const injector = useService('injector');
  const bpmnjs = useService('bpmnjs');
  const target = property.binding.name;
  const value = taskOf(element.businessObject).inputs[target] || '';
  const datasets = upstreamDatasets(flowModel(bpmnjs.getDefinitions()), element.id);
  const pickerId = `mf-${id}-picker`;
  const picked = datasets.find((dataset) => dataset.expression === value);
  return (
    <div class="mf-records-entry">
      <Original {...props} />
      <div class="bio-properties-panel-entry" data-entry-id={`${id}-picker`}>
        <label class="bio-properties-panel-label" for={pickerId}>Records from an earlier step</label>
        <div class="bio-properties-panel-select">
          <select id={pickerId} class="bio-properties-panel-input" value={picked ? picked.expression : ''}
            onChange={(event) => event.currentTarget.value && setInput(injector, element, target, event.currentTarget.value)}>
            <option value="">{datasets.length ? 'Choose a dataset…' : 'No earlier step produces records'}</option>
            {datasets.map((dataset) => (
              <option value={dataset.expression} key={dataset.elementId}>{dataset.name} ({dataset.expression})</option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

function wiringEntry(entry) {
  const binding = entry.property?.binding;
  if (binding?.type !== 'zeebe:input') return entry;
  if (CONNECTION_INPUTS.includes(binding.name)) return { ...entry, component: ConnectionEntry, original: entry.component };
  if (binding.name === RECORDS_INPUT) return { ...entry, component: RecordsEntry, original: entry.component };
  return entry;
}

class WiringPropertiesProvider {
  constructor(propertiesPanel) {
    propertiesPanel.registerProvider(AFTER_TEMPLATES, this);
  }

  getGroups() {
    return (groups) => groups.map((group) => (group.entries ? { ...group, entries: group.entries.map(wiringEntry) } : group));
  }
}
WiringPropertiesProvider.$inject = ['propertiesPanel'];

/**
 * Wires a task as it gets its step (a template applied, or a task appended with its template) where the choice is
 * plain (wiring.js wiringDefaults): the user picks only where there is a choice to make.
 */
class WiringDefaults {
  constructor(eventBus, injector, elementTemplates, bpmnjs, millflowWiring) {
    const fill = (element) => {
      const template = element && elementTemplates.get(element);
      if (!template) return;
      const inputs = (template.properties || [])
        .filter((property) => property.binding?.type === 'zeebe:input')
        .map((property) => property.binding.name);
      const defaults = wiringDefaults(flowModel(bpmnjs.getDefinitions()), element.id, inputs,
        millflowWiring.connections, millflowWiring.connectionTypes);
      for (const [target, source] of Object.entries(defaults)) setInput(injector, element, target, source);
    };
    // postExecuted: after the command's own follow-ups (an appended task's incoming flow)
    eventBus.on('commandStack.propertiesPanel.zeebe.changeTemplate.postExecuted', ({ context }) => fill(context.element));
    eventBus.on('commandStack.shape.append.postExecuted', ({ context }) => fill(context.shape));
  }
}
WiringDefaults.$inject = ['eventBus', 'injector', 'elementTemplates', 'bpmnjs', 'millflowWiring'];

/** The modeler module; `wiring` ({connections, connectionTypes}) is read on every render, so it may be filled later. */
export function wiringModule(wiring) {
  return {
    __init__: ['wiringPropertiesProvider', 'wiringDefaults'],
    wiringPropertiesProvider: ['type', WiringPropertiesProvider],
    wiringDefaults: ['type', WiringDefaults],
    millflowWiring: ['value', wiring]
  };
}
