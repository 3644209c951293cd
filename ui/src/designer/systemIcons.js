// One small icon per system on each task of the designer and the run diagram, chosen by the task's step type
// (`plex.purchase-orders.read` -> plex). Drawn here, 16 x 16, in the current text colour.

const svg = (title, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16" role="img" aria-label="${title}"`
  + ` fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round">`
  + `<title>${title}</title>${body}</svg>`;

const cylinder = '<ellipse cx="8" cy="3.5" rx="5.5" ry="2"/><path d="M2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9"/>';

export const SYSTEM_ICONS = {
  plex: svg('Plex', '<path d="M3 14V4l5-2 5 2v10"/><path d="M6 14V9h4v5"/><path d="M3 6h10"/>'),
  netsuite: svg('NetSuite', '<rect x="2" y="2" width="12" height="12" rx="2"/><path d="M5 11V5l6 6V5"/>'),
  idhammar: svg('Idhammar', '<circle cx="8" cy="8" r="6"/><path d="M8 8l3-3"/><path d="M4.5 11.5h7"/>'),
  postgres: svg('PostgreSQL', `${cylinder}<path d="M6 8h4"/>`),
  mysql: svg('MySQL', `${cylinder}<path d="M5.5 9l1.5-2 1 1.5 1-1.5 1.5 2"/>`),
  snowflake: svg('Snowflake', '<path d="M8 1.5v13M2.4 4.75l11.2 6.5M2.4 11.25l11.2-6.5"/><path d="M6.5 2.8 8 4.2l1.5-1.4M6.5 13.2 8 11.8l1.5 1.4"/>'),
  mongodb: svg('MongoDB', '<path d="M8 1.5c3 3 4 5.5 4 8 0 2.5-2 4-4 4s-4-1.5-4-4c0-2.5 1-5 4-8z"/><path d="M8 5v9.5"/>'),
  file: svg('Files', '<path d="M4 1.5h5l3.5 3.5v9.5H4z"/><path d="M9 1.5V5h3.5"/>'),
  http: svg('HTTP', '<circle cx="8" cy="8" r="6"/><path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12"/>'),
  records: svg('Records', '<path d="M2.5 4h11M2.5 8h11M2.5 12h11"/><path d="M11 2.5 13.5 4 11 5.5"/>')
};

const BY_PREFIX = {
  plex: 'plex',
  netsuite: 'netsuite',
  idhammar: 'idhammar',
  postgres: 'postgres',
  mysql: 'mysql',
  snowflake: 'snowflake',
  mongodb: 'mongodb',
  file: 'file',
  http: 'http',
  webhook: 'http',
  records: 'records',
  unified: 'records'
};

/** The system a step type belongs to (`postgres.write` -> postgres; transforms -> records); null when unknown. */
export function systemOfStepType(stepType) {
  if (!stepType || stepType.startsWith('=')) return null; // computed by FEEL: unknown until the run
  return BY_PREFIX[stepType.split('.')[0]] || null;
}

/** The step type of a diagram element (its zeebe:TaskDefinition's type), or null. */
export function stepTypeOf(element) {
  const values = element?.businessObject?.extensionElements?.values || [];
  return values.find((value) => value.$type === 'zeebe:TaskDefinition')?.type || null;
}

const OVERLAY = 'mf-system-icon';

/** Puts each task's system icon on the diagram (a modeler or a viewer); again on every change. Returns a stop function. */
export function showSystemIcons(diagram) {
  const overlays = diagram.get('overlays');
  const registry = diagram.get('elementRegistry');
  const eventBus = diagram.get('eventBus');
  const draw = () => {
    overlays.remove({ type: OVERLAY });
    for (const element of registry.getAll()) {
      const system = systemOfStepType(stepTypeOf(element));
      if (!system || element.type === 'label') continue;
      overlays.add(element.id, OVERLAY, {
        position: { top: 4, right: 20 },
        html: `<span class="mf-system-icon" data-system="${system}">${SYSTEM_ICONS[system]}</span>`
      });
    }
  };
  eventBus.on(['import.done', 'elements.changed'], draw);
  draw();
  return () => eventBus.off(['import.done', 'elements.changed'], draw);
}
