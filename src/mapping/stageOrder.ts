// Where a stage sits in the sales process when the data carries no stronger evidence
// (docs/kpis.md, "Stage order"): the default pipelines of the CRMs we know, then words that
// name a step of any sales process. Ranks share one scale (0 = first contact, 100 = closed),
// so stages from different lists still sort sensibly. Never a deal count: a stage where many
// deals sit is not therefore earlier.

/** Default pipelines of the CRMs our presets read, first step first. */
export const KNOWN_PIPELINES: readonly (readonly string[])[] = [
  // Maven CRM sales pipeline.
  ['Prospecting', 'Engaging', 'Won'],
  // Salesforce's default opportunity stages.
  [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
  ],
  // HubSpot's default deal pipeline (labels and internal names).
  [
    'Appointment Scheduled',
    'Qualified To Buy',
    'Presentation Scheduled',
    'Decision Maker Bought-In',
    'Contract Sent',
    'Closed Won',
  ],
  ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon'],
  // Pipedrive's default pipeline.
  ['Lead In', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'],
  // Zoho CRM's default stages.
  [
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Identify Decision Makers',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
  ],
  // Dynamics 365 sales process stages.
  ['Qualify', 'Develop', 'Propose', 'Close'],
];

/** Words that name a step of a sales process, with its place on the common scale. */
const STEP_WORDS: readonly [RegExp, number][] = [
  [/\b(lead|new|inbound|open)\b/, 5],
  [/prospect|contact|appointment|outreach/, 10],
  [/engag|qualif|discovery|meeting/, 25],
  [/need|analysis|develop|demo|present|evaluat|solution/, 40],
  [/value|decision|proposal|propos|quote|pricing/, 60],
  [/negotiat|review|contract|commit|verbal|legal|procurement/, 80],
  [/closed?\s*won|\bwon\b|\bwin\b|signed|closed?$/, 100],
];

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A stage's place on the 0–100 scale from the known pipelines, else from its words; null when nothing says. */
export function knownStageRank(stage: string): number | null {
  const name = norm(stage);
  for (const pipeline of KNOWN_PIPELINES) {
    const at = pipeline.findIndex((s) => norm(s) === name);
    if (at >= 0) return pipeline.length === 1 ? 0 : Math.round((at / (pipeline.length - 1)) * 100 * 100) / 100;
  }
  for (const [pattern, rank] of STEP_WORDS) if (pattern.test(name)) return rank;
  return null;
}

/** Moves one stage a place up (-1) or down (+1) in an order: the mapping screen's arrows. */
export function moveStage(order: readonly string[], stage: string, by: -1 | 1): string[] {
  const out = [...order];
  const at = out.indexOf(stage);
  const to = at + by;
  if (at < 0 || to < 0 || to >= out.length) return out;
  [out[at], out[to]] = [out[to] ?? stage, stage];
  return out;
}

/** The open stages in funnel order: the user's order first, then by known rank (unknown ones last, as found). */
export function evidenceOrder(stages: readonly string[], userOrder?: readonly string[]): string[] {
  const placed = (userOrder ?? []).filter((s) => stages.includes(s));
  const rest = stages
    .filter((s) => !placed.includes(s))
    .map((stage, i) => ({ stage, i, rank: knownStageRank(stage) }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.stage);
  return [...placed, ...rest];
}
