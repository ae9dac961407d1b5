// The lead list's part of the URL hash (docs/drill.md, docs/leads.md): the open drill-through is
// one `drill=` key for deals and leads alike; a lead list is
//   drill=leads:<attribute>:<value>   attribute source|campaign|landing_page|origin|owner|country|state,
//                                     attr.<header> (a lead file's other column; ":" and "%" in the
//                                     header written %3A and %25) or month (a cohort, YYYY-MM);
//                                     an empty value is the blank group
//   drill=leads:<attribute>           (no value) the "Other" row: every value beyond the largest groups
//   drill.sort=<column>.<asc|desc>    a lead-table column (default created.asc)
//   drill.q=<text>                    the table's text filter
// Read leniently: a bad value is dropped with a notice, never a crash.
import {
  LEAD_LIST_ATTRIBUTES,
  LEAD_LIST_COLUMNS,
  type LeadListAttribute,
  type LeadListColumn,
  type LeadListSort,
  type LeadListTarget,
} from './contract';
import { formatAttribute, parseAttributeText } from '../../shared/leadAttributes';

export interface LeadDrillState {
  readonly target: LeadListTarget;
  readonly sort?: LeadListSort;
  readonly search?: string;
}

/** The `drill=` value's prefix that makes it a lead list rather than a deal table. */
export const LEAD_LIST_PREFIX = 'leads:';

function parseListAttribute(text: string): LeadListAttribute | null {
  return text === 'month' ? text : parseAttributeText(text);
}

export function formatLeadTarget(t: LeadListTarget): string {
  const attribute = formatAttribute(t.attribute);
  return t.other ? `${LEAD_LIST_PREFIX}${attribute}` : `${LEAD_LIST_PREFIX}${attribute}:${t.key ?? ''}`;
}

export function parseLeadTarget(text: string): LeadListTarget | null {
  if (!text.startsWith(LEAD_LIST_PREFIX)) return null;
  const rest = text.slice(LEAD_LIST_PREFIX.length);
  const colon = rest.indexOf(':');
  const attribute = parseListAttribute(colon < 0 ? rest : rest.slice(0, colon));
  if (!attribute) return null;
  if (colon < 0) return attribute === 'month' ? null : { attribute, key: null, other: true };
  const key = rest.slice(colon + 1);
  if (attribute === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(key) ? { attribute, key } : null;
  return { attribute, key: key === '' ? null : key };
}

function isColumn(name: string): name is LeadListColumn {
  return (LEAD_LIST_COLUMNS as readonly string[]).includes(name);
}

export function readLeadDrillHash(params: URLSearchParams, problems: string[]): LeadDrillState | undefined {
  const raw = params.get('drill');
  if (raw === null || !raw.startsWith(LEAD_LIST_PREFIX)) return undefined;
  const target = parseLeadTarget(raw);
  if (!target) {
    problems.push(
      `The link's lead list "${raw}" is not one we know (leads:<${LEAD_LIST_ATTRIBUTES.join('|')}|attr.<column>>:<value>, a month as YYYY-MM); it is not opened.`,
    );
    return undefined;
  }
  const out: { target: LeadListTarget; sort?: LeadListSort; search?: string } = { target };
  const sort = params.get('drill.sort');
  if (sort !== null) {
    const dot = sort.lastIndexOf('.');
    const column = sort.slice(0, dot);
    const dir = sort.slice(dot + 1);
    if (dot > 0 && isColumn(column) && (dir === 'asc' || dir === 'desc')) out.sort = { column, desc: dir === 'desc' };
    else problems.push(`The link's lead-list sort "${sort}" is not <column>.asc or .desc; sorting by created date.`);
  }
  const q = params.get('drill.q');
  if (q !== null && q.trim() !== '') out.search = q.slice(0, 200);
  return out;
}

export function writeLeadDrillHash(state: LeadDrillState | undefined, params: URLSearchParams): void {
  if (!state) return;
  params.set('drill', formatLeadTarget(state.target));
  if (state.sort) params.set('drill.sort', `${state.sort.column}.${state.sort.desc ? 'desc' : 'asc'}`);
  if (state.search) params.set('drill.q', state.search);
}
