/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
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

// The app serves these files from its classpath under /assets/; names carry no hash,
// so the server-rendered pages can reference them directly.
export default defineConfig({
  plugins: [selfieSegmentationAssets()],
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
