// Computes the demo's first paint (src/demo/firstPaint.ts) with the product's own engine code
// on DuckDB-WASM's Node build, and writes it as JSON to the path given. Run by the build.
import { writeFileSync } from 'node:fs';
import { DEFAULT_VIEW } from '../src/app/viewState';
import { DEMO, type FirstPaint } from '../src/demo/firstPaint';
import { dashboardRequest } from '../src/shared/request';
import { Analytics } from '../workers/analytics/Analytics';
import { openNodeEngine } from '../src/platform/engine/openNode';

const out = process.argv[2];
if (!out) throw new Error('usage: firstPaint.ts <output.json>');
const analytics = new Analytics(await openNodeEngine());
const importResult = await analytics.loadDemo(DEMO);
const request = dashboardRequest(DEFAULT_VIEW);
const paint: FirstPaint = { request, importResult, result: await analytics.dashboard(request) };
writeFileSync(out, JSON.stringify(paint));
process.exit(0);
