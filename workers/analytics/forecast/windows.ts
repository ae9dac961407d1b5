// Every window one forecast request needs — the backtest's past periods, the trailing
// windows that train the current period, the current period itself — numbered once, so a
// single SQL pass rebuilds all their as-of dates. Cells of several owners are merged here
// when a method needs only stage and age (owner cells exist for the per-rep breakdown).
import type { Window } from '../../../src/forecast/calendar';
import type { Cell } from '../../../src/forecast/types';
import type { SqlWindow } from './queries';

export class WindowSet {
  private readonly byKey = new Map<string, SqlWindow>();

  /** The window's index; a window asked for twice (same dates, same role) is built once. */
  add(w: Window, current = false): number {
    const key = `${w.start}|${w.end}|${current}`;
    const found = this.byKey.get(key);
    if (found) return found.index;
    const index = this.byKey.size;
    this.byKey.set(key, { index, start: w.start, end: w.end, current });
    return index;
  }

  all(): SqlWindow[] {
    return [...this.byKey.values()];
  }

  /** Windows already over (the current one has no outcome yet). */
  past(): SqlWindow[] {
    return this.all().filter((w) => !w.current);
  }
}

/** Cells with the owner dropped: one per (window, stage, age bucket), amounts and counts summed. */
export function mergeOwners(cells: readonly Cell[]): Cell[] {
  const out = new Map<string, Cell>();
  for (const c of cells) {
    const key = `${c.window}|${c.stage ?? '\u0000'}|${c.ageBucket}`;
    const e = out.get(key);
    out.set(
      key,
      e
        ? {
            ...e,
            n: e.n + c.n,
            sum: e.sum + c.sum,
            sumSq: e.sumSq + c.sumSq,
            wonN: e.wonN + c.wonN,
            swKnown: e.swKnown + c.swKnown,
            swUnknown: e.swUnknown + c.swUnknown,
            commit: e.commit + c.commit,
            bestCase: e.bestCase + c.bestCase,
            categorized: e.categorized + c.categorized,
          }
        : { ...c, owner: null },
    );
  }
  return [...out.values()];
}

/** Cells grouped by window index. */
export function byWindow(cells: readonly Cell[]): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>();
  for (const c of cells) {
    const list = out.get(c.window) ?? [];
    list.push(c);
    out.set(c.window, list);
  }
  return out;
}
