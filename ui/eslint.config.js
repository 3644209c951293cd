// The UI's import boundaries (DESIGN.md §11 and issue 15): modules import each other without cycles, and only the API
// client (src/api/client.js) talks to the server, so every call carries the token, the error shapes and the sign-out
// on 401. `npm run lint`, run by the ui module's Maven build.
import importPlugin from 'eslint-plugin-import';

const API_CLIENT = 'src/api/client.js';

const networkCalls = 'Call the API through request() in src/api/client.js: it adds the token and turns answers into errors.';

export default [
  {
    ignores: ['dist/**', 'node_modules/**', 'target/**'],
  },
  {
    files: ['src/**/*.{js,jsx}'],
    plugins: { import: importPlugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: {
      'import/resolver': { node: { extensions: ['.js', '.jsx'] } },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-unresolved': ['error', { ignore: ['^virtual:'] }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: networkCalls },
        { name: 'XMLHttpRequest', message: networkCalls },
        { name: 'EventSource', message: networkCalls },
        { name: 'WebSocket', message: networkCalls }],
      'no-restricted-properties': ['error',
        { object: 'window', property: 'fetch', message: networkCalls },
        { object: 'globalThis', property: 'fetch', message: networkCalls }],
    },
  },
  {
    // The client itself, and its tests, which hand it a fetch of their own.
    files: [API_CLIENT, 'src/**/*.test.{js,jsx}'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
    },
  },
];
