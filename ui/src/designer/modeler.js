// The Camunda 8 modeler with Millflow's step templates and live Camunda 8 linting.
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import { Linter } from '@camunda/linting';
import { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';
import lintingModule from '@camunda/linting/modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import '@camunda/linting/assets/linting.css';
import { wiringModule } from './wiringPanel.jsx';
import { flowModel } from './flowModel.js';
import { wiringProblems } from './wiring.js';
import { showSystemIcons } from './systemIcons.js';

const LINT_DELAY_MS = 300;

/**
 * A task a template is applied to takes the template's name, unless it has a name of its own: applied in the
 * properties panel, or appended with its template from the context pad's "Append element" menu.
 */
function TemplateNames(eventBus, modeling, elementTemplates) {
  const name = (element, template) => {
    if (template?.name && !element.businessObject.name) modeling.updateLabel(element, template.name);
  };
  eventBus.on('commandStack.propertiesPanel.zeebe.changeTemplate.postExecute', ({ context }) => {
    name(context.element, context.newTemplate);
  });
  eventBus.on('commandStack.shape.create.postExecute', ({ context }) => {
    const { shape } = context;
    if (shape?.businessObject && !shape.labelTarget) name(shape, elementTemplates.get(shape));
  });
}
TemplateNames.$inject = ['eventBus', 'modeling', 'elementTemplates'];

const templateNamesModule = { __init__: ['templateNames'], templateNames: ['type', TemplateNames] };

/**
 * `wiring` ({connections, connectionTypes}) feeds the Connection dropdowns and the wiring lint; each task shows its
 * system's icon.
 */
export function createModeler({ canvas, properties, templates, wiring }) {
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    elementTemplates: templates,
    additionalModules: [lintingModule, wiringModule(wiring), templateNamesModule],
    linting: { active: true }
  });
  showSystemIcons(modeler);
  return modeler;
}

/**
 * Lints on every change (after a short pause) and hands the reports to the canvas, the properties panel and
 * `onReports`: Camunda 8's rules (a service task without a task type, ...), the step templates' own (an empty
 * required input) and Millflow's wiring rules (wiring.js). Returns a function that stops it.
 */
export function startLinting(modeler, templates, wiring, onReports) {
  const linter = new Linter({ modeler: 'web', type: 'cloud', plugins: [CloudElementTemplatesLinterPlugin(templates)] });
  const eventBus = modeler.get('eventBus');
  let timer = null;
  let stopped = false;
  const lint = async () => {
    const definitions = modeler.getDefinitions();
    if (!definitions || stopped) return;
    const reports = [
      ...await linter.lint(definitions),
      ...wiringProblems(flowModel(definitions), wiring.connections, wiring.connectionTypes)
    ];
    if (stopped) return;
    modeler.get('linting').setErrors(reports);
    onReports(reports);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => lint().catch((error) => { console.error('lint failed', error); onReports([]); }), LINT_DELAY_MS);
  };
  eventBus.on(['import.done', 'elements.changed'], schedule);
  modeler.get('linting').activate();
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    eventBus.off(['import.done', 'elements.changed'], schedule);
  };
}

/** The id of the diagram's (first) process: the flow id. */
export function processId(modeler) {
  const definitions = modeler.getDefinitions();
  const process = definitions?.rootElements?.find((element) => element.$type === 'bpmn:Process');
  return process?.id || null;
}

/** Marks the elements the server refused, with their reasons; returns a function that removes the marks. */
export function markProblems(modeler, byElement) {
  const overlays = modeler.get('overlays');
  const canvas = modeler.get('canvas');
  const ids = [];
  for (const [elementId, reasons] of byElement) {
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'mf-problem-marker';
    marker.textContent = '!';
    marker.title = reasons.join('\n');
    marker.setAttribute('aria-label', `Problem on ${elementId}: ${reasons.join(' ')}`);
    marker.addEventListener('click', () => selectElement(modeler, elementId));
    ids.push(overlays.add(elementId, 'mf-deploy-problem', { position: { top: -12, right: 12 }, html: marker }));
    canvas.addMarker(elementId, 'mf-has-problem');
  }
  return () => {
    overlays.remove({ type: 'mf-deploy-problem' });
    for (const elementId of byElement.keys()) {
      if (modeler.get('elementRegistry').get(elementId)) canvas.removeMarker(elementId, 'mf-has-problem');
    }
  };
}

export function selectElement(modeler, elementId) {
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return;
  modeler.get('canvas').scrollToElement(element);
  modeler.get('selection').select(element);
}

/** The element's name, else its template's name, else null. */
export function elementName(modeler, elementId) {
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return null;
  return element.businessObject?.name || modeler.get('elementTemplates').get(element)?.name || null;
}
