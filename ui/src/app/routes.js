// Hash routes (#/runs/123), so every deep link loads the same index.html without server rewrites.

const ROUTES = [
  ['signin', /^\/signin$/, []],
  ['flows', /^\/(?:flows)?$/, []],
  ['newFlow', /^\/flows\/new$/, []],
  ['designer', /^\/flows\/([^/]+)\/design$/, ['flowId']],
  ['runs', /^\/runs$/, []],
  ['run', /^\/runs\/([^/]+)$/, ['runId']],
  ['connections', /^\/connections$/, []],
  ['newConnection', /^\/connections\/new$/, []],
  ['reconnect', /^\/connections\/([^/]+)\/reconnect$/, ['name']],
  ['connection', /^\/connections\/([^/]+)$/, ['name']],
  ['triggers', /^\/triggers$/, []],
  ['newTrigger', /^\/triggers\/new$/, []],
  ['trigger', /^\/triggers\/([^/]+)$/, ['triggerId']],
  ['subscriptions', /^\/subscriptions$/, []]
];

/** Parses a location hash into {name, params, query}; unknown paths give name 'notFound'. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  for (const [name, pattern, keys] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      const params = Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1])]));
      return { name, params, query, path };
    }
  }
  return { name: 'notFound', params: {}, query, path };
}

/** The hash for a route path and optional query values (empty values are left out). */
export function href(path, query = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path, query) {
  globalThis.location.hash = href(path, query).slice(1);
}

const TITLES = {
  signin: () => 'Sign in',
  flows: () => 'Flows',
  newFlow: () => 'New flow',
  designer: ({ flowId }) => `Design ${flowId}`,
  runs: () => 'Runs',
  run: ({ runId }) => `Run ${runId.slice(0, 8)}`,
  connections: () => 'Connections',
  newConnection: () => 'Connect a system',
  reconnect: ({ name }) => `Reconnect ${name}`,
  connection: ({ name }) => `Connection ${name}`,
  triggers: () => 'Triggers & schedules',
  newTrigger: () => 'New trigger',
  trigger: () => 'Trigger',
  subscriptions: () => 'Event subscriptions'
};

/** The document title of a route: what the page shows, then the product. */
export function pageTitle(route) {
  const title = TITLES[route.name];
  return `${title ? title(route.params) : 'Page not found'} · Millflow`;
}
