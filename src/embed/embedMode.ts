// `#embed=1&panel=<id>`: one panel without the app's chrome. These keys (and the other
// link-only keys: data=, snap=) are not view state; they are carried along when the view
// state is rewritten so a reload stays embedded.

export const PANELS = ['kpis', 'bookings'] as const;
export type PanelId = (typeof PANELS)[number];

export interface EmbedMode {
  readonly panel: PanelId | null;
  /** Set when the panel asked for does not exist. */
  readonly problem: string | null;
}

export function readEmbedMode(hash: string): EmbedMode | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('embed') !== '1') return null;
  const panel = params.get('panel') ?? 'kpis';
  if ((PANELS as readonly string[]).includes(panel)) return { panel: panel as PanelId, problem: null };
  return { panel: null, problem: `There is no panel "${panel}" to embed; use one of ${PANELS.join(', ')}.` };
}

const LINK_KEYS = ['embed', 'panel', 'data', 'snap', 'cube'] as const;

/** `next` (a written view-state hash) with the link-only keys of `current` kept. */
export function carryLinkKeys(next: string, current: string): string {
  const from = new URLSearchParams(current.replace(/^#/, ''));
  const to = new URLSearchParams(next.replace(/^#/, ''));
  for (const key of LINK_KEYS) for (const value of from.getAll(key)) to.append(key, value);
  return `#${to.toString()}`;
}
