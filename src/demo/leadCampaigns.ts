// A lead's campaign and landing page (docs/leads.md, "By attribute"): drawn from a stream of
// their own, so adding them changed no other value of the demo. Converted leads lean to the
// campaigns that work (webinars, brand search, referral programme), so campaigns differ in
// conversion as sources do; offline channels (outbound, referral, partner) have no landing page.
import type { LeadSource } from './catalog';
import { Rng, Stream, Weighted } from './prng';

interface Campaign {
  readonly name: string;
  /** Relative weight among the source's unconverted and converted leads. */
  readonly cold: number;
  readonly warm: number;
  readonly page: string;
}

const CAMPAIGNS: Readonly<Record<LeadSource, readonly Campaign[]>> = {
  Web: [
    { name: 'Webinar series', cold: 0.2, warm: 0.45, page: '/webinars' },
    { name: 'Newsletter', cold: 0.45, warm: 0.25, page: '/blog' },
    { name: 'Pricing guide', cold: 0.35, warm: 0.3, page: '/pricing' },
  ],
  'Paid Search': [
    { name: 'Search - Brand', cold: 0.25, warm: 0.55, page: '/demo' },
    { name: 'Search - Competitor', cold: 0.35, warm: 0.25, page: '/compare' },
    { name: 'Search - Generic', cold: 0.4, warm: 0.2, page: '/pricing' },
  ],
  Event: [
    { name: 'Trade show', cold: 0.6, warm: 0.5, page: '/events' },
    { name: 'Customer roadshow', cold: 0.4, warm: 0.5, page: '/events' },
  ],
  Outbound: [
    { name: 'ABM target accounts', cold: 0.3, warm: 0.55, page: '' },
    { name: 'Cold sequence', cold: 0.7, warm: 0.45, page: '' },
  ],
  Referral: [{ name: 'Customer referral programme', cold: 1, warm: 1, page: '' }],
  Partner: [
    { name: 'Partner co-marketing', cold: 0.6, warm: 0.5, page: '/partners' },
    { name: 'Marketplace listing', cold: 0.4, warm: 0.5, page: '' },
  ],
};

const pickers = (key: 'cold' | 'warm') =>
  Object.fromEntries(
    Object.entries(CAMPAIGNS).map(([source, list]) => [source, new Weighted(list.map((c) => [c, c[key]] as const))]),
  ) as Record<LeadSource, Weighted<Campaign>>;
const COLD = pickers('cold');
const WARM = pickers('warm');

/** `,<campaign>,<landing page>` for lead j (names and paths never need CSV quoting). */
export function campaignFields(seed: number, j: number, source: LeadSource, converted: boolean): string {
  const rng = Rng.forRow(seed, Stream.leadCampaign, j);
  const c = (converted ? WARM : COLD)[source].pick(rng);
  return `,${c.name},${c.page}`;
}
