// The systems a connection can reach, with the settings and credentials the guided connect form asks for.
// Keys are the ones the connectors read; anything else can be added as an extra setting.

const sql = (port) => ({
  settings: [
    { key: 'host', label: 'Host', placeholder: 'db.example.com', required: true },
    { key: 'port', label: 'Port', placeholder: String(port) },
    { key: 'database', label: 'Database', required: true },
    { key: 'jdbcUrl', label: 'JDBC URL (instead of host, port and database)', placeholder: 'jdbc:…' }
  ],
  credentials: [
    { key: 'username', label: 'User', required: true },
    { key: 'password', label: 'Password', secret: true }
  ],
  eitherOr: [['host', 'jdbcUrl'], ['database', 'jdbcUrl']]
});

export const SYSTEMS = [
  {
    type: 'plex', name: 'Plex Manufacturing Cloud', group: 'ERP / MES',
    help: 'The API key comes from the Plex developer portal (Consumer Key of your app).',
    settings: [
      { key: 'baseUrl', label: 'Instance URL', placeholder: 'https://connect.plex.com', required: true },
      { key: 'dataSourceBaseUrl', label: 'Data source URL (classic data sources)', placeholder: 'https://cloud.plex.com' },
      { key: 'rateLimitPerMinute', label: 'Calls per minute', placeholder: '200' }
    ],
    credentials: [
      { key: 'apiKey', label: 'API key', required: true, secret: true },
      { key: 'username', label: 'Data source user (optional)' },
      { key: 'password', label: 'Data source password (optional)', secret: true }
    ]
  },
  {
    type: 'netsuite', name: 'Oracle NetSuite', group: 'ERP',
    help: 'Machine-to-machine (OAuth 2.0 client credentials): upload the private key whose certificate you mapped in NetSuite.',
    settings: [
      { key: 'accountId', label: 'Account id', placeholder: '1234567 or 1234567_SB1', required: true },
      { key: 'baseUrl', label: 'Instance URL (optional)', placeholder: 'https://1234567.suitetalk.api.netsuite.com' }
    ],
    authModes: [
      {
        id: 'm2m', label: 'OAuth 2.0 machine to machine (certificate)',
        credentials: [
          { key: 'clientId', label: 'Client id (consumer key of the integration)', required: true },
          { key: 'certificateId', label: 'Certificate id (from the M2M setup)', required: true },
          { key: 'privateKey', label: 'Private key (PEM)', required: true, secret: true, file: '.pem,.key,.txt' }
        ]
      },
      {
        id: 'tba', label: 'Token-based authentication (OAuth 1.0a)',
        credentials: [
          { key: 'consumerKey', label: 'Consumer key', required: true },
          { key: 'consumerSecret', label: 'Consumer secret', required: true, secret: true },
          { key: 'tokenId', label: 'Token id', required: true },
          { key: 'tokenSecret', label: 'Token secret', required: true, secret: true }
        ]
      }
    ]
  },
  {
    type: 'idhammar', name: 'Idhammar OEE', group: 'OEE / maintenance',
    settings: [
      { key: 'baseUrl', label: 'Instance URL', placeholder: 'https://oee.example.com', required: true },
      { key: 'siteId', label: 'Site id (optional)' }
    ],
    credentials: [{ key: 'apiToken', label: 'API token', required: true, secret: true }]
  },
  { type: 'postgres', name: 'PostgreSQL', group: 'Databases', ...sql(5432) },
  { type: 'mysql', name: 'MySQL / MariaDB', group: 'Databases', ...sql(3306) },
  {
    type: 'snowflake', name: 'Snowflake', group: 'Databases',
    settings: [
      { key: 'account', label: 'Account identifier', placeholder: 'myorg-myaccount', required: true },
      { key: 'database', label: 'Database', required: true },
      { key: 'schema', label: 'Schema', placeholder: 'PUBLIC' },
      { key: 'warehouse', label: 'Warehouse' },
      { key: 'role', label: 'Role' }
    ],
    credentials: [
      { key: 'username', label: 'User', required: true },
      { key: 'privateKey', label: 'Private key (PEM, key-pair auth)', secret: true, file: '.pem,.p8,.key' },
      { key: 'privateKeyPassphrase', label: 'Private key passphrase', secret: true },
      { key: 'password', label: 'Password (instead of a key)', secret: true }
    ]
  },
  {
    type: 'mongodb', name: 'MongoDB', group: 'Databases',
    settings: [
      { key: 'host', label: 'Host', required: true },
      { key: 'port', label: 'Port', placeholder: '27017' },
      { key: 'database', label: 'Database', required: true }
    ],
    credentials: [
      { key: 'username', label: 'User' },
      { key: 'password', label: 'Password', secret: true }
    ]
  },
  {
    type: 'file', name: 'Files (local directory)', group: 'Files',
    settings: [{ key: 'baseDirectory', label: 'Base directory', placeholder: '/data/files', required: true }],
    credentials: []
  }
];

/** Systems whose name, type or group contains every word of `search`; only types the runtime can test. */
export function findSystems(search, availableTypes = null) {
  const words = (search || '').toLowerCase().split(/\s+/).filter(Boolean);
  return SYSTEMS.filter((system) => !availableTypes || availableTypes.includes(system.type))
    .filter((system) => {
      const text = `${system.name} ${system.type} ${system.group}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
}

export function systemOf(type) {
  return SYSTEMS.find((system) => system.type === type) || {
    type, name: type, group: 'Other', settings: [], credentials: []
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
 * empty to keep the stored ones.
 */
export function validateConnection(form, system, { keepCredentials = false } = {}) {
  const errors = {};
  if (!form.name || !NAME.test(form.name)) {
    errors.name = 'Use letters, digits, ".", "_" or "-" (at most 64), starting with a letter or digit; steps name the connection by it.';
  }
  const eitherOr = system.eitherOr || [];
  for (const field of system.settings) {
    const alternative = eitherOr.find(([key]) => key === field.key)?.[1];
    if (field.required && !filled(form.settings[field.key]) && !(alternative && filled(form.settings[alternative]))) {
      errors[`settings.${field.key}`] = alternative ? `Enter the ${field.label.toLowerCase()}, or a JDBC URL.` : `Enter the ${field.label.toLowerCase()}.`;
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
  if (form.settings.baseUrl && !/^https?:\/\/\S+$/.test(form.settings.baseUrl.trim())) {
    errors['settings.baseUrl'] = 'Enter the full address, starting with https:// (or http:// for a local test server).';
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
