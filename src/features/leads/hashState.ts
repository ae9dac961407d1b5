// The lead screen's grouping in the URL hash (docs/leads.md, "By attribute"):
//   lq.by=<attribute>   source (the default, left out), campaign, landing_page, origin, owner,
//                       country, state, or attr.<header> for a lead file's other column
// Read leniently: a value that is no attribute is dropped with a notice. Whether the loaded
// leads carry it is the engine's to say (it groups by source then, and the screen says why).
import { parseAttribute, type LeadAttribute } from '../../shared/leadAttributes';

export const LEADS_BY_KEY = 'lq.by';

export function readLeadsHash(params: URLSearchParams, problems: string[]): LeadAttribute | undefined {
  const raw = params.get(LEADS_BY_KEY);
  if (raw === null) return undefined;
  const by = parseAttribute(raw);
  if (by === null) {
    problems.push(
      `The link's lead grouping "${raw}" is not a lead attribute (source, campaign, landing_page, origin, owner, country, state or attr.<column>); grouping by source.`,
    );
    return undefined;
  }
  return by === 'source' ? undefined : by;
}

export function writeLeadsHash(by: LeadAttribute | undefined, params: URLSearchParams): void {
  if (by && by !== 'source') params.set(LEADS_BY_KEY, by);
}
