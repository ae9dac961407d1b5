// The drill-through's part of the URL hash (docs/drill.md):
//   drill=<kind>:<key>     what was clicked: kpi:won_amount, bookings:2017-01-01, stage:Negotiation,
//                          month:2017-03, aging:31–60 days, owner:<rep>, segment:<value>,
//                          source:<lead source>, funnel:<stage>, movement:<step>,
//                          leads-<attribute>:<value> (source, campaign, landing_page, origin, owner, country,
//                          state or attr.<header>, as in src/shared/leadAttributes.ts; no ":<value>" = the
//                          "Other" row), rep-won:<start>..<end>/<rep>,
//                          forecast:booked|open:<stage>|open|new|total, territory:today|proposed/<name>; an empty key is
//                          the blank group (for funnel, the first step "Created"); leads:… is a lead list
//                          (src/features/leads/leadDrillHash.ts)
//   drill.sort=<col>.<asc|desc>   the table's sort (default amount.desc)
//   drill.q=<text>                the table's text filter
// Read leniently: a bad value is dropped with a notice, never a crash.
import {
  DRILL_COLUMNS,
  DRILL_GROUP_KINDS,
  parseRepWonKey,
  LEAD_DRILL_KINDS,
  LEAD_DRILL_PREFIX,
  isLeadDrillTarget,
  leadDrillKind,
  type DrillColumn,
  type DrillSort,
  type DrillTarget,
} from './contract';
import { isMovementStep } from '../dashboard/movement/contract';
import { parseForecastKey } from '../../engine-api/forecastDrill';
import { parseTerritoryKey } from '../../queries/territoryDrill';
import { isKpiId } from '../../shared/kpiVariants';
import { formatPivotKey, parsePivotKey } from './pivotLink';
import { formatAttribute, parseAttributeText } from '../../shared/leadAttributes';

export interface DrillState {
  readonly target: DrillTarget;
  readonly sort?: DrillSort;
  readonly search?: string;
}

const KINDS = [
  'kpi',
  'bookings',
  'funnel',
  'movement',
  'forecast',
  'rep-won',
  ...DRILL_GROUP_KINDS,
  ...LEAD_DRILL_KINDS,
  'pivot',
] as const;

export function formatTarget(t: DrillTarget): string {
  if (t.kind === 'kpi') return `kpi:${t.kpi}`;
  if (t.kind === 'pivot') return `pivot:${formatPivotKey(t)}`;
  if (isLeadDrillTarget(t)) {
    const kind = `${LEAD_DRILL_PREFIX}${formatAttribute(t.kind.slice(LEAD_DRILL_PREFIX.length))}`;
    return t.other ? kind : `${kind}:${t.key ?? ''}`;
  }
  return `${t.kind}:${t.key ?? ''}`;
}

/** A lead-quality row's won deals: `leads-<attribute>:<value>`, or `leads-<attribute>` for its "Other" row. */
function parseLeadTarget(text: string): DrillTarget | null {
  const colon = text.indexOf(':');
  const attribute = parseAttributeText(text.slice(LEAD_DRILL_PREFIX.length, colon < 0 ? undefined : colon));
  if (!attribute) return null;
  const kind = leadDrillKind(attribute);
  if (colon < 0) return { kind, key: null, other: true };
  const key = text.slice(colon + 1);
  return { kind, key: key === '' ? null : key };
}

export function parseTarget(text: string): DrillTarget | null {
  if (text.startsWith(LEAD_DRILL_PREFIX)) return parseLeadTarget(text);
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const key = text.slice(colon + 1);
  if (kind === 'kpi') return isKpiId(key) ? { kind, kpi: key } : null;
  if (kind === 'bookings') return /^\d{4}-\d{2}-01$/.test(key) ? { kind, key } : null;
  if (kind === 'funnel') return { kind, key: key === '' ? null : key };
  if (kind === 'pivot') {
    const cell = parsePivotKey(key);
    return cell ? { kind, ...cell } : null;
  }
  if (kind === 'movement') return isMovementStep(key) ? { kind, key } : null;
  if (kind === 'forecast') return parseForecastKey(key) ? { kind, key } : null;
  if (kind === 'territory') return parseTerritoryKey(key) ? { kind, key } : null;
  if (kind === 'rep-won') return parseRepWonKey(key) ? { kind, key } : null;
  const group = DRILL_GROUP_KINDS.find((k) => k === kind);
  return group ? { kind: group, key: key === '' ? null : key } : null;
}

function isColumn(name: string): name is DrillColumn {
  return (DRILL_COLUMNS as readonly string[]).includes(name);
}

export function readDrillHash(params: URLSearchParams, problems: string[]): DrillState | undefined {
  const raw = params.get('drill');
  // `leads:` opens the Leads screen's lead list, read by src/features/leads/leadDrillHash.ts.
  if (raw === null || raw.startsWith('leads:')) return undefined;
  const target = parseTarget(raw);
  if (!target) {
    problems.push(
      `The link's drill-through "${raw}" is not one we know (${KINDS.join(', ')} followed by ":" and a key); it is not opened.`,
    );
    return undefined;
  }
  const out: { target: DrillTarget; sort?: DrillSort; search?: string } = { target };
  const sort = params.get('drill.sort');
  if (sort !== null) {
    const [column = '', dir = ''] = sort.split('.');
    if (isColumn(column) && (dir === 'asc' || dir === 'desc')) out.sort = { column, desc: dir === 'desc' };
    else problems.push(`The link's drill sort "${sort}" is not <column>.asc or .desc; sorting by amount.`);
  }
  const q = params.get('drill.q');
  if (q !== null && q.trim() !== '') out.search = q.slice(0, 200);
  return out;
}

export function writeDrillHash(state: DrillState | undefined, params: URLSearchParams): void {
  if (!state) return;
  params.set('drill', formatTarget(state.target));
  if (state.sort) params.set('drill.sort', `${state.sort.column}.${state.sort.desc ? 'desc' : 'asc'}`);
  if (state.search) params.set('drill.q', state.search);
}
