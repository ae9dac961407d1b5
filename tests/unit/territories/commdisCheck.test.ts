// An outside check of the commdis bench's output (docs/territories.md, "Benchmark"): the JSON
// the bench writes is judged from the `.in` files alone, with a reader, a balance recount, a
// contiguity BFS and a diameter written here, sharing no code with the designer or its judge
// (src/features/territories/core/commdis.ts). Instances: tests/fixtures/territories/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commdisRecord } from '../../../scripts/bench/commdis';

const FIXTURES = path.resolve('tests/fixtures/territories');

interface Instance {
  n: number;
  x: number[];
  y: number[];
  w: number[][];
  adj: number[][];
  k: number;
  tau: number[];
}

function readInstance(name: string): Instance {
  const t = readFileSync(path.join(FIXTURES, `commdis-${name}.in`), 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  let i = 0;
  const n = t[i++] as number;
  const x: number[] = [];
  const y: number[] = [];
  const w: number[][] = [[], [], []];
  for (let u = 0; u < n; u++) {
    i++; // id
    x.push(t[i++] as number);
    y.push(t[i++] as number);
    for (const list of w) list.push(t[i++] as number);
  }
  const m = t[i++] as number;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < m; e++) {
    const a = t[i++] as number;
    const b = t[i++] as number;
    adj[a]?.push(b);
    adj[b]?.push(a);
  }
  const k = t[i++] as number;
  i++; // the constant the authors' solver ignores
  return { n, x, y, w, adj, k, tau: [t[i] as number, t[i + 1] as number, t[i + 2] as number] };
}

/** The literature's rules, recounted: every unit assigned, balance, contiguity, the largest diameter. */
function judge(inst: Instance, assignment: readonly number[]) {
  const assignedOk = assignment.length === inst.n && assignment.every((t) => Number.isInteger(t) && t >= 0 && t < inst.k);
  let excess = 0;
  inst.w.forEach((wa, a) => {
    const mean = wa.reduce((s, v) => s + v, 0) / inst.k;
    const sums: number[] = Array.from({ length: inst.k }, () => 0);
    wa.forEach((v, u) => (sums[assignment[u] as number] = (sums[assignment[u] as number] ?? 0) + v));
    for (const s of sums) excess += Math.max(0, Math.abs(s - mean) - (inst.tau[a] ?? 0) * mean) / mean;
  });
  let pieces = 0;
  const seen: boolean[] = Array.from({ length: inst.n }, () => false);
  for (let s = 0; s < inst.n; s++) {
    if (seen[s]) continue;
    pieces++;
    const queue = [s];
    seen[s] = true;
    for (let q = 0; q < queue.length; q++)
      for (const v of inst.adj[queue[q] as number] ?? [])
        if (!seen[v] && assignment[v] === assignment[s]) {
          seen[v] = true;
          queue.push(v);
        }
  }
  let diameter = 0;
  for (let a = 0; a < inst.n; a++)
    for (let b = a + 1; b < inst.n; b++)
      if (assignment[a] === assignment[b])
        diameter = Math.max(
          diameter,
          Math.sqrt(((inst.x[a] ?? 0) - (inst.x[b] ?? 0)) ** 2 + ((inst.y[a] ?? 0) - (inst.y[b] ?? 0)) ** 2),
        );
  const used = new Set(assignment).size;
  return { assignedOk, balanced: excess < 1e-8, contiguous: pieces === inst.k && used === inst.k, diameter };
}

interface Row {
  instance: string;
  n: number;
  k: number;
  assignment: number[];
  maxDiameter: number;
  feasible: boolean;
  seconds: number;
}

describe('commdis bench output, checked from the .in files alone', () => {
  it('a fresh bench record (a short search) is feasible and reports its true diameter', { timeout: 120_000 }, () => {
    const name = 'del-n1000-k5-s54458';
    const text = readFileSync(path.join(FIXTURES, `commdis-${name}.in`), 'utf8');
    const row = JSON.parse(JSON.stringify(commdisRecord(name, text, 607.5036, 1500))) as Row;
    const inst = readInstance(name);
    expect([row.instance, row.n, row.k]).toEqual([name, 1000, 5]);
    const verdict = judge(inst, row.assignment);
    expect(verdict).toMatchObject({ assignedOk: true, balanced: true, contiguous: true });
    expect(row.feasible).toBe(true);
    expect(row.maxDiameter).toBeCloseTo(verdict.diameter, 9);
    // The search is compact: well under the balance-only design's ~950 on this instance.
    expect(verdict.diameter).toBeLessThan(700);
  });

  it('the result documented in docs/territories.md holds for every instance', { timeout: 120_000 }, () => {
    const rows = JSON.parse(readFileSync(path.join(FIXTURES, 'commdis-bench-result.json'), 'utf8')) as Row[];
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const verdict = judge(readInstance(row.instance), row.assignment);
      expect({ instance: row.instance, ...verdict, diameter: verdict.diameter.toFixed(6) }).toEqual({
        instance: row.instance,
        assignedOk: true,
        balanced: true,
        contiguous: true,
        diameter: row.maxDiameter.toFixed(6),
      });
      expect(row.feasible).toBe(true);
    }
  });

  it('the checker rejects a plan that breaks a rule', () => {
    const name = 'del-n1000-k5-s54458';
    const inst = readInstance(name);
    const rows = JSON.parse(readFileSync(path.join(FIXTURES, 'commdis-bench-result.json'), 'utf8')) as Row[];
    const good = rows.find((r) => r.instance === name)?.assignment ?? [];
    // Unit 0 (smallest x) to the territory of unit 999 (largest x): far from it, so split off.
    const split = [...good];
    split[0] = good[999] ?? 0;
    expect(judge(inst, split).contiguous).toBe(false);
    // One territory merged into another: far outside the balance.
    const heavy = good.map((t) => (t === good[0] ? (good[999] ?? 0) : t));
    expect(judge(inst, heavy).balanced).toBe(false);
    expect(judge(inst, good.slice(1)).assignedOk).toBe(false);
  });
});
