// Build step: runs scripts/firstPaint.ts (the real engine, in Node) and ships its JSON next to
// index.html, so the page can draw the demo before its own engine has started.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { FIRST_PAINT_FILE } from '../src/demo/firstPaint.ts';

const SCRIPT = fileURLToPath(new URL('./firstPaint.ts', import.meta.url));

export function firstPaintPlugin(): Plugin {
  return {
    name: 'pipelens-first-paint',
    apply: 'build',
    generateBundle() {
      const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-first-paint-'));
      try {
        const out = path.join(dir, FIRST_PAINT_FILE);
        // A child process: the engine's Node build stays out of Vite's own process.
        execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, out], { stdio: 'inherit' });
        this.emitFile({ type: 'asset', fileName: FIRST_PAINT_FILE, source: readFileSync(out, 'utf8') });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
