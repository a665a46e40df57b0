// @vitest-environment node
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The build (npm run build, which Maven runs before the tests) writes the client here.
const MAIN = fileURLToPath(new URL('../target/classes/static/assets/portal.js', import.meta.url));
const LIMIT = 60 * 1024;

describe('the main client', () => {
  it('is built, and under 60 kB gzipped; the blur model is not in it', () => {
    expect(existsSync(MAIN), 'run "npm run build" first: the size is measured on the built file').toBe(true);
    const code = readFileSync(MAIN);
    expect(gzipSync(code).length).toBeLessThan(LIMIT);
    expect(code.toString()).not.toContain('selfie_segmentation_solution');
  });
});
