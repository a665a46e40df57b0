import { defineConfig } from 'vitest/config';

// The app serves these files from its classpath under /assets/; names carry no hash,
// so the server-rendered pages can reference them directly.
export default defineConfig({
  build: {
    outDir: 'target/classes/static/assets',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { portal: 'src/portal.ts' },
      output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
    },
  },
  test: { environment: 'jsdom' },
});
