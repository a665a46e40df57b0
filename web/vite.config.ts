/// <reference types="node" />
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const OUT_DIR = 'target/classes/static/assets';

// Background blur's model, graph and wasm runtime, straight from the npm package: the app serves them under
// /assets/selfie/, so a meeting never fetches anything from another origin (web/src/background-blur.ts).
// MediaPipe asks for them by their own names, so these keep them (no hash; the app has them revalidated).
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

// Every file worth it is written a second and third time, as .br and .gz next to it, with the best (slow)
// settings once at build time: the app serves these to browsers that accept them (StaticAssets in the app).
const COMPRESSIBLE = /\.(js|css|wasm|data|tflite|binarypb)$/;
// brotli's best quality takes a minute for the blur model's megabytes; for those a middle one does nearly as well
const LARGE = 1 << 20;

function precompressed(): Plugin {
  return {
    name: 'portvakt-precompressed',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? OUT_DIR;
      for (const fileName of Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))) {
        const path = join(dir, fileName);
        const content = readFileSync(path);
        if (content.length < 512) {
          continue; // smaller than the cost of a compressed response's headers
        }
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: content.length < LARGE ? zlib.BROTLI_MAX_QUALITY : 7,
              [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
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
      // with hashed names the entry is found by its name, not its file name
      const main = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry && file.name === 'portal');
      if (!main || main.type !== 'chunk') return;
      const gzipped = gzipSync(main.code).length;
      console.log(`portal.js: ${(gzipped / 1024).toFixed(1)} kB gzipped (limit ${MAIN_CLIENT_LIMIT_BYTES / 1024} kB)`);
      if (gzipped > MAIN_CLIENT_LIMIT_BYTES) this.error(`portal.js is ${gzipped} bytes gzipped, over ${MAIN_CLIENT_LIMIT_BYTES}`);
    },
  };
}

// The app serves these files from its classpath under /assets/. Names carry a hash of the content, so a
// browser may keep them for a year; the pages find today's names in manifest.json (WebAssets in the app).
// The style sheet stays where the app's templates are edited and is built, hashed and compressed from there.
export default defineConfig({
  plugins: [selfieSegmentationAssets(), mainClientSize(), precompressed()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    sourcemap: false,
    manifest: 'manifest.json',
    rollupOptions: {
      input: {
        portal: 'src/portal.ts',
        portvakt: '../app/src/main/resources/static/css/portvakt.css',
        join: '../app/src/main/resources/static/css/join.css',
      },
      output: {
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
  test: { environment: 'jsdom' },
});
