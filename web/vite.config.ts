/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Background blur's model, graph and wasm runtime, straight from the npm package: the app serves them under
// /assets/selfie/, so a meeting never fetches anything from another origin (web/src/background-blur.ts).
const SEGMENTATION = fileURLToPath(new URL('node_modules/@mediapipe/selfie_segmentation/', import.meta.url));
const SEGMENTATION_FILES = /\.(js|wasm|data|tflite|binarypb)$/;

function selfieSegmentationAssets(): Plugin {
  return {
    name: 'portvakt-selfie-segmentation',
    generateBundle() {
      for (const file of readdirSync(SEGMENTATION).filter((name) => SEGMENTATION_FILES.test(name))) {
        this.emitFile({ type: 'asset', fileName: `selfie/${file}`, source: readFileSync(SEGMENTATION + file) });
      }
    },
  };
}

// The main client (portal.js, on every page) stays small: a phone on a poor link starts a meeting with it. The
// blur model and its runtime are loaded on demand and do not count. src/bundle-size.test.ts checks the same limit.
export const MAIN_CLIENT_LIMIT_BYTES = 60 * 1024;

function mainClientSize(): Plugin {
  return {
    name: 'portvakt-main-client-size',
    generateBundle(_options, bundle) {
      const main = bundle['portal.js'];
      if (!main || main.type !== 'chunk') return;
      const gzipped = gzipSync(main.code).length;
      console.log(`portal.js: ${(gzipped / 1024).toFixed(1)} kB gzipped (limit ${MAIN_CLIENT_LIMIT_BYTES / 1024} kB)`);
      if (gzipped > MAIN_CLIENT_LIMIT_BYTES) this.error(`portal.js is ${gzipped} bytes gzipped, over ${MAIN_CLIENT_LIMIT_BYTES}`);
    },
  };
}

// The app serves these files from its classpath under /assets/; names carry no hash,
// so the server-rendered pages can reference them directly.
export default defineConfig({
  plugins: [selfieSegmentationAssets(), mainClientSize()],
  build: {
    outDir: 'target/classes/static/assets',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { portal: 'src/portal.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js', assetFileNames: '[name][extname]' },
    },
  },
  test: { environment: 'jsdom' },
});
