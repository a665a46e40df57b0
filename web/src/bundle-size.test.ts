// @vitest-environment node
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The build (npm run build, which Maven runs before the tests) writes the client here, under a hashed name that
// its manifest gives.
const ASSETS = fileURLToPath(new URL('../target/classes/static/assets/', import.meta.url));
const LIMIT = 60 * 1024;

function mainClient(): string {
  const manifest = JSON.parse(readFileSync(ASSETS + 'manifest.json', 'utf8')) as Record<string, { file: string; name?: string; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry && chunk.name === 'portal');
  return ASSETS + (entry ? entry.file : 'portal.js');
}

describe('the main client', () => {
  it('is built, and under 60 kB gzipped; the blur model is not in it', () => {
    expect(existsSync(ASSETS + 'manifest.json'), 'run "npm run build" first: the size is measured on the built file').toBe(true);
    const code = readFileSync(mainClient());
    expect(gzipSync(code).length).toBeLessThan(LIMIT);
    expect(code.toString()).not.toContain('selfie_segmentation_solution');
  });
});
