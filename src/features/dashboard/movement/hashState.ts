// The movement view's part of the URL hash (docs/movement.md): `mv=<A>..<B>`, the two dates
// compared (ISO days, A before B). Absent = the 7 days up to the reference date. Read
// leniently: a bad value is dropped with a notice.
import type { MovementWindow } from './contract';

const WINDOW = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

const realDay = (iso: string): boolean => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

export function parseWindow(text: string): MovementWindow | null {
  const m = WINDOW.exec(text.trim());
  const from = m?.[1] ?? '';
  const to = m?.[2] ?? '';
  if (!m || !realDay(from) || !realDay(to) || from >= to) return null;
  return { from, to };
}

export function readMovementHash(params: URLSearchParams, problems: string[]): MovementWindow | undefined {
  const raw = params.get('mv');
  if (raw === null) return undefined;
  const window = parseWindow(raw);
  if (!window)
    problems.push(
      `The link's movement dates "${raw}" are not <first day>..<second day> (e.g. 2026-09-23..2026-09-30, first before second); showing the last 7 days.`,
    );
  return window ?? undefined;
}

export function writeMovementHash(window: MovementWindow | undefined, params: URLSearchParams): void {
  if (window) params.set('mv', `${window.from}..${window.to}`);
}
