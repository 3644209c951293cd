import { defineConfig } from 'vite';

// `npm run dev` / `vite preview` send API calls to a running engine (MILLFLOW_URL, default localhost:8080).
const engine = process.env.MILLFLOW_URL || 'http://127.0.0.1:8080';
const proxy = { '/api': engine, '/webhooks': engine, '/downloads': engine };

// The build lands where a jar's static files go: the engine serves META-INF/resources of its dependencies at /.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000
  },
  server: { proxy },
  preview: { proxy },
  test: {
    include: ['src/**/*.test.{js,jsx}']
  }
});
