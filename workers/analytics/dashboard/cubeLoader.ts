// Reads a cube table out of the engine into columns the worker keeps in memory: each text
// column as a dictionary of codes, each number column as a Float64Array with NaN for NULL.
import { TextColumnBuilder, type ColumnCube } from '../../../src/queries/columnCube';
import type { CubeLoad } from '../../../src/features/dashboard/core/cubeTables';
import type { AnalyticsContext } from '../context';
import { forEachText } from './textValues';

export function loadCube(ctx: AnalyticsContext, load: CubeLoad): ColumnCube {
  const table = ctx.sql.table(load.query);
  const n = table.numRows;
  const text: Record<string, ReturnType<TextColumnBuilder['build']>> = {};
  for (const name of load.text) {
    const col = table.getChild(name);
    if (!col) throw new Error(`The cube query gave no column ${name}.`);
    const builder = new TextColumnBuilder(n);
    // Batch by batch in row order (get(i) would search the batches per row).
    forEachText(col, (i, v) => builder.set(i, v));
    text[name] = builder.build();
  }
  const num: Record<string, Float64Array> = {};
  for (const name of load.num) {
    const col = table.getChild(name);
    if (!col) throw new Error(`The cube query gave no column ${name}.`);
    const values = Float64Array.from(col.toArray() as ArrayLike<number>);
    if (col.nullCount > 0) for (let i = 0; i < n; i++) if (!col.isValid(i)) values[i] = NaN;
    num[name] = values;
  }
  return { n, text, num };
}
