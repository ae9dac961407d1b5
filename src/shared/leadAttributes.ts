// Lead attributes by name (docs/leads.md, "By attribute"): the canonical lead columns, and any
// other column of a lead file as `attr.<header>`. Pure vocabulary, shared by the links (lead list
// and won-deals drill), the lead screen, the query builders and the engine.

/** Lead attributes that are canonical lead columns (docs/spec.md §1). */
export const LEAD_ATTRIBUTES = ['source', 'campaign', 'landing_page', 'origin', 'owner', 'country', 'state'] as const;
export type LeadColumnAttribute = (typeof LEAD_ATTRIBUTES)[number];
/** Any other column of a lead file, by its header (the `lead_attributes` table): `attr.<header>`. */
export type LeadExtraAttribute = `attr.${string}`;
export type LeadAttribute = LeadColumnAttribute | LeadExtraAttribute;

export const EXTRA_PREFIX = 'attr.';

const COLUMN_LABELS: Record<LeadColumnAttribute, string> = {
  source: 'Source',
  campaign: 'Campaign',
  landing_page: 'Landing page',
  origin: 'Origin',
  owner: 'Owner',
  country: 'Country',
  state: 'State',
};

export function isColumnAttribute(a: string): a is LeadColumnAttribute {
  return (LEAD_ATTRIBUTES as readonly string[]).includes(a);
}

export function isExtraAttribute(a: string): a is LeadExtraAttribute {
  return a.startsWith(EXTRA_PREFIX) && a.length > EXTRA_PREFIX.length;
}

/** A canonical column's name, or `attr.<header>` for another column; null for anything else. */
export function parseAttribute(text: string): LeadAttribute | null {
  return isColumnAttribute(text) || isExtraAttribute(text) ? text : null;
}

export function extraAttribute(header: string): LeadExtraAttribute {
  return `${EXTRA_PREFIX}${header}`;
}

/** The header of an `attr.<header>` attribute; null for a canonical column. */
export function extraName(a: LeadAttribute): string | null {
  return isExtraAttribute(a) ? a.slice(EXTRA_PREFIX.length) : null;
}

/** How the screen names an attribute: the column's label, or the file's own header. */
export function attributeLabel(a: LeadAttribute): string {
  return isExtraAttribute(a) ? a.slice(EXTRA_PREFIX.length) : COLUMN_LABELS[a];
}

/** Cost per lead needs spend booked by the attribute's values: spend channels name sources and campaigns. */
export function hasCost(a: LeadAttribute): boolean {
  return a === 'source' || a === 'campaign';
}

/** An attribute as a link writes it: a header's "%" and ":" escaped, so the first ":" ends it. */
export function formatAttribute(a: string): string {
  return a.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The inverse of formatAttribute; null for text that is not an attribute (or a stray "%"). */
export function parseAttributeText(text: string): LeadAttribute | null {
  if (/%(?!25|3A)/i.test(text)) return null;
  return parseAttribute(text.replace(/%3A/gi, ':').replace(/%25/g, '%'));
}
