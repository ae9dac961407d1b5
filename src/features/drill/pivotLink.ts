// A pivot cell's drill-through in the link (docs/pivot.md):
//   drill=pivot:<measure>/<dim>=<value>/<dim>=<value>
// values percent-encoded, an empty value is the blank group; no coordinate = the grand total.
import { isPivotDim, isPivotMeasure, type PivotCoord, type PivotDrillTarget } from '../pivot/contract';

export function formatPivotKey(t: PivotDrillTarget): string {
  return [t.measure, ...t.cell.map((c) => `${c.dim}=${encodeURIComponent(c.key ?? '')}`)].join('/');
}

export function parsePivotKey(text: string): PivotDrillTarget | null {
  const [measure = '', ...coords] = text.split('/');
  if (!isPivotMeasure(measure) || coords.length > 2) return null;
  const cell: PivotCoord[] = [];
  for (const coord of coords) {
    const eq = coord.indexOf('=');
    const dim = coord.slice(0, eq);
    if (eq < 0 || !isPivotDim(dim) || cell.some((c) => c.dim === dim)) return null;
    let key: string;
    try {
      key = decodeURIComponent(coord.slice(eq + 1));
    } catch {
      return null;
    }
    cell.push({ dim, key: key === '' ? null : key });
  }
  return { measure, cell };
}
