import { defineConfig } from 'vite';

// The build lands where a jar's static files go: the engine serves META-INF/resources of its dependencies at /.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000
  },
  test: {
    include: ['src/**/*.test.{js,jsx}']
  }
});
