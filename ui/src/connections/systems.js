// The systems a connection can reach. Their fields come from the runtime (GET /api/connection-types), generated from
// each connector's connection record; this file keeps only how the UI presents a system: its name, group, help text,
// the labels of its sign-in methods and which credentials are uploaded as files.

const PRESENTATION = {
  plex: {
    name: 'Plex Manufacturing Cloud', group: 'ERP / MES',
    help: 'The API key comes from the Plex developer portal (Consumer Key of your app).'
  },
  netsuite: {
    name: 'Oracle NetSuite', group: 'ERP',
    help: 'Machine-to-machine (OAuth 2.0 client credentials): upload the private key whose certificate you mapped in NetSuite.',
    signIns: { m2m: 'OAuth 2.0 machine to machine (certificate)', tba: 'Token-based authentication (OAuth 1.0a)' },
    files: { privateKey: '.pem,.key,.txt' }
  },
  idhammar: { name: 'Idhammar OEE', group: 'OEE / maintenance' },
  postgres: { name: 'PostgreSQL', group: 'Databases' },
  mysql: { name: 'MySQL / MariaDB', group: 'Databases' },
  snowflake: { name: 'Snowflake', group: 'Databases', files: { privateKey: '.pem,.p8,.key' } },
  mongodb: { name: 'MongoDB', group: 'Databases' },
  file: { name: 'Files (local directory)', group: 'Files' },
  http: {
    name: 'HTTP / REST API', group: 'Other systems',
    help: 'Any REST API, for the HTTP request step. Fill in the credentials of the authentication you choose; they are sent to the base URL\'s host only.'
  }
};

/** The connect form of one connection type, generated from its schema (an entry of GET /api/connection-types). */
export function systemFrom(schema) {
  const presentation = PRESENTATION[schema.type] || { name: schema.type, group: 'Other' };
  const field = (f) => ({
    key: f.name,
    label: f.required ? f.label : `${f.label} (optional)`,
    hint: f.description || undefined,
    placeholder: f.example || f.defaultValue || undefined,
    required: f.required,
    secret: f.secret,
    url: f.type === 'url',
    choices: f.choices && f.choices.length ? f.choices : undefined,
    file: presentation.files?.[f.name]
  });
  const system = {
    type: schema.type, name: presentation.name, group: presentation.group, help: presentation.help,
    settings: schema.fields.filter((f) => f.group === 'settings').map(field),
    credentials: schema.fields.filter((f) => f.group === 'credentials' && !f.signIn).map(field)
  };
  if (schema.signIns.length) {
    system.authModes = schema.signIns.map((id) => ({
      id, label: presentation.signIns?.[id] || id,
      credentials: [...system.credentials,
        ...schema.fields.filter((f) => f.group === 'credentials' && f.signIn === id).map(field)]
    }));
  }
  return system;
}

/** The forms of every type the runtime declares, in the order of the presentation above, unknown types last. */
export function systemsFrom(schemas) {
  const order = Object.keys(PRESENTATION);
  const rank = (type) => (order.includes(type) ? order.indexOf(type) : order.length);
  return schemas.map(systemFrom).sort((a, b) => rank(a.type) - rank(b.type));
}

/** Systems whose name, type or group contains every word of `search`. */
export function findSystems(systems, search) {
  const words = (search || '').toLowerCase().split(/\s+/).filter(Boolean);
  return systems.filter((system) => {
    const text = `${system.name} ${system.type} ${system.group}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The system of a connection type; a type without schema gets an empty form (extra settings only). */
export function systemOf(type, systems = []) {
  return systems.find((system) => system.type === type) || {
    type, name: PRESENTATION[type]?.name || type, group: PRESENTATION[type]?.group || 'Other', settings: [], credentials: []
  };
}

/** The credential fields of a system for an auth mode (NetSuite has two). */
export function credentialFields(system, modeId) {
  if (!system.authModes) return system.credentials || [];
  return (system.authModes.find((mode) => mode.id === modeId) || system.authModes[0]).credentials;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Checks the connect form; answers {fieldKey: message}. `keepCredentials`: reconnecting may leave all credentials
 * empty to keep the stored ones. The runtime checks again (types, ranges), naming the field it refuses.
 */
export function validateConnection(form, system, { keepCredentials = false } = {}) {
  const errors = {};
  if (!form.name || !NAME.test(form.name)) {
    errors.name = 'Use letters, digits, ".", "_" or "-" (at most 64), starting with a letter or digit; steps name the connection by it.';
  }
  for (const field of system.settings) {
    const value = form.settings[field.key];
    if (field.required && !filled(value)) {
      errors[`settings.${field.key}`] = `Enter the ${field.label.toLowerCase()}.`;
    } else if (field.url && filled(value) && !/^https?:\/\/\S+$/.test(value.trim())) {
      errors[`settings.${field.key}`] = 'Enter the full address, starting with https:// (or http:// for a local test server).';
    }
  }
  const credentials = credentialFields(system, form.authMode);
  const anyCredential = credentials.some((field) => filled(form.credentials[field.key]));
  if (!(keepCredentials && !anyCredential)) {
    for (const field of credentials) {
      if (field.required && !filled(form.credentials[field.key])) {
        errors[`credentials.${field.key}`] = `Enter the ${field.label.toLowerCase()}.`;
      }
    }
  }
  return errors;
}

/**
 * The body of PUT /api/connections/{name} and POST /api/connections/test: empty values left out; credentials left out
 * altogether when reconnecting without new ones (the stored ones stay).
 */
export function connectionRequest(form, system, { keepCredentials = false } = {}) {
  const settings = {};
  for (const [key, value] of Object.entries(form.settings)) if (filled(value)) settings[key] = value.trim();
  for (const { key, value } of form.extra || []) if (filled(key) && filled(value)) settings[key.trim()] = value.trim();
  const credentials = {};
  for (const field of credentialFields(system, form.authMode)) {
    const value = form.credentials[field.key];
    if (filled(value)) credentials[field.key] = field.file ? value : value.trim();
  }
  const body = { name: form.name, type: system.type, settings };
  if (!(keepCredentials && Object.keys(credentials).length === 0)) body.credentials = credentials;
  return body;
}

function filled(value) {
  return typeof value === 'string' && value.trim() !== '';
}
