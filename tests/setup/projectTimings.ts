// A reporter that ends every run with one line per vitest project: its files, when it ran
// (first file started → last file ended, from the run's start), the sum of its files' own times
// and its slowest file. Projects share the workers, so the wall span and the summed time differ;
// CI (.ci/run) prints these lines at its end so the next session sees where the time goes.
// With PIPELENS_TIMINGS_FILE set the lines are also written there.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Span {
  files: number;
  first: number;
  last: number;
  summed: number;
  slowest: { file: string; ms: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class ProjectTimings implements Reporter {
  private runStart = Date.now();
  private readonly started = new Map<string, number>();
  private readonly spans = new Map<string, Span>();

  onTestRunStart(): void {
    this.runStart = Date.now();
    this.started.clear();
    this.spans.clear();
  }

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const end = Date.now();
    const start = this.started.get(module.moduleId) ?? end;
    const ms = module.diagnostic().duration;
    const name = module.project.name;
    const span = this.spans.get(name) ?? { files: 0, first: start, last: end, summed: 0, slowest: { file: '', ms: -1 } };
    span.files += 1;
    span.first = Math.min(span.first, start);
    span.last = Math.max(span.last, end);
    span.summed += ms;
    if (ms > span.slowest.ms) span.slowest = { file: path.basename(module.moduleId), ms };
    this.spans.set(name, span);
  }

  onTestRunEnd(): void {
    if (this.spans.size === 0) return;
    const lines = [...this.spans.entries()].map(
      ([name, s]) =>
        `project ${name}: ${s.files} files, ran ${seconds(s.first - this.runStart)} → ${seconds(s.last - this.runStart)} ` +
        `(wall ${seconds(s.last - s.first)}), files' own time ${seconds(s.summed)}, slowest ${s.slowest.file} ${seconds(s.slowest.ms)}`,
    );
    lines.push(`vitest: ${seconds(Date.now() - this.runStart)} from the run's start`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    const file = process.env['PIPELENS_TIMINGS_FILE'];
    if (file) writeFileSync(file, `${lines.join('\n')}\n`);
  }
}
