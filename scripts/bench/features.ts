// Feature timings that live in their own scripts next to this one (territory design today;
// forecasts when they land): each is run as it is, if present, and its output kept verbatim.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const FEATURE_SCRIPTS = ['territories.ts', 'forecast.ts', 'drill.ts', 'pivot.ts'];
const TIMEOUT_MS = 5 * 60_000;

export interface FeatureTiming {
  readonly script: string;
  readonly ok: boolean;
  readonly output: string;
}

export function featureTimings(root: string): FeatureTiming[] {
  const out: FeatureTiming[] = [];
  for (const name of FEATURE_SCRIPTS) {
    const script = path.join('scripts/bench', name);
    if (!existsSync(path.join(root, script))) continue;
    const run = spawnSync('npx', ['tsx', script], { cwd: root, encoding: 'utf8', timeout: TIMEOUT_MS });
    const ok = run.status === 0;
    const output = ok
      ? run.stdout.trim()
      : `failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
    out.push({ script, ok, output });
  }
  return out;
}
