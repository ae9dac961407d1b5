// Plan JSON in and out: parse, check every field, and say exactly what is wrong and where
// ("curve.tiers[1].from: must be greater than the tier before (1)"), never a bare SyntaxError.
import type { CompPlan, QuotaSetting } from './plan';

export type PlanParse =
  { readonly ok: true; readonly plan: CompPlan } | { readonly ok: false; readonly errors: readonly string[] };

type Obj = Record<string, unknown>;

class Checker {
  readonly errors: string[] = [];
  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }
  obj(v: unknown, path: string): Obj {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'must be an object');
    return {};
  }
  arr(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail(path, 'must be a list');
    return [];
  }
  str(v: unknown, path: string): string {
    if (typeof v === 'string') return v;
    this.fail(path, 'must be text');
    return '';
  }
  strOrNull(v: unknown, path: string): string | null {
    return v === null || v === undefined ? null : this.str(v, path);
  }
  num(v: unknown, path: string, min: number, max = Number.POSITIVE_INFINITY): number {
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    this.fail(
      path,
      `must be a number from ${min}${max === Number.POSITIVE_INFINITY ? ' up' : ` to ${max}`} (got ${JSON.stringify(v)})`,
    );
    return min;
  }
  cents(v: unknown, path: string): number {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    this.fail(path, `must be whole cents, 0 or more (got ${JSON.stringify(v)})`);
    return 0;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    this.fail(path, `must be one of ${options.join(', ')} (got ${JSON.stringify(v)})`);
    return options[0] as T;
  }
}

function quota(c: Checker, v: unknown): QuotaSetting {
  const o = c.obj(v, 'quota');
  const source = c.oneOf(o['source'], 'quota.source', ['table', 'top_down', 'bottom_up'] as const);
  if (source === 'table') return { source };
  if (source === 'bottom_up')
    return { source, winRate: o['winRate'] === null ? null : c.num(o['winRate'], 'quota.winRate', 0, 1) };
  return {
    source,
    companyTargetCents: c.cents(o['companyTargetCents'], 'quota.companyTargetCents'),
    overAssignment: c.num(o['overAssignment'], 'quota.overAssignment', 0.5, 3),
    shareBy: c.oneOf(o['shareBy'], 'quota.shareBy', ['potential', 'history', 'equal'] as const),
  };
}

function curve(c: Checker, v: unknown): CompPlan['curve'] {
  const o = c.obj(v, 'curve');
  const tiers = c.arr(o['tiers'], 'curve.tiers').map((t, i) => {
    const tier = c.obj(t, `curve.tiers[${i}]`);
    return {
      from: c.num(tier['from'], `curve.tiers[${i}].from`, 0),
      rate: c.num(tier['rate'], `curve.tiers[${i}].rate`, 0, 100),
    };
  });
  if (tiers.length === 0) c.fail('curve.tiers', 'needs at least one tier (from 0)');
  else if (tiers[0]?.from !== 0) c.fail('curve.tiers[0].from', 'the first tier must start at 0');
  tiers.forEach((t, i) => {
    const prev = tiers[i - 1];
    if (prev && t.from <= prev.from) c.fail(`curve.tiers[${i}].from`, `must be greater than the tier before (${prev.from})`);
  });
  return {
    threshold: c.num(o['threshold'], 'curve.threshold', 0, 10),
    mode: c.oneOf(o['mode'], 'curve.mode', ['marginal', 'retroactive'] as const),
    tiers,
    capMultiple: o['capMultiple'] === null ? null : c.num(o['capMultiple'], 'curve.capMultiple', 0, 100),
  };
}

function body(c: Checker, root: Obj): CompPlan {
  if (root['version'] !== 1)
    c.fail(
      'version',
      `must be 1 (got ${JSON.stringify(root['version'])}); this file is not a pipelens plan or is from a newer version`,
    );
  const roles = c.arr(root['roles'], 'roles').map((r, i) => {
    const o = c.obj(r, `roles[${i}]`);
    return {
      id: c.str(o['id'], `roles[${i}].id`),
      name: c.str(o['name'], `roles[${i}].name`),
      oteCents: c.cents(o['oteCents'], `roles[${i}].oteCents`),
      baseShare: c.num(o['baseShare'], `roles[${i}].baseShare`, 0, 1),
      teams: c.arr(o['teams'], `roles[${i}].teams`).map((t, k) => c.str(t, `roles[${i}].teams[${k}]`)),
    };
  });
  if (roles.length === 0) c.fail('roles', 'needs at least one role');
  const spifs = c.arr(root['spifs'], 'spifs').map((s, i) => {
    const o = c.obj(s, `spifs[${i}]`);
    return {
      name: c.str(o['name'], `spifs[${i}].name`),
      product: c.strOrNull(o['product'], `spifs[${i}].product`),
      dealType: c.strOrNull(o['dealType'], `spifs[${i}].dealType`),
      perDealCents: c.cents(o['perDealCents'], `spifs[${i}].perDealCents`),
      percentOfAmount: c.num(o['percentOfAmount'], `spifs[${i}].percentOfAmount`, 0, 1),
    };
  });
  const draw = c.obj(root['draw'], 'draw');
  const claw = c.obj(root['clawback'], 'clawback');
  return {
    version: 1,
    name: c.str(root['name'], 'name'),
    roles,
    quota: quota(c, root['quota']),
    curve: curve(c, root['curve']),
    spifs,
    draw: {
      kind: c.oneOf(draw['kind'], 'draw.kind', ['none', 'recoverable', 'non_recoverable'] as const),
      amountCents: c.cents(draw['amountCents'], 'draw.amountCents'),
    },
    clawback: { enabled: claw['enabled'] === true, share: c.num(claw['share'], 'clawback.share', 0, 1) },
  };
}

/** Checks a parsed value (form state or JSON) as a plan. */
export function checkPlan(value: unknown): PlanParse {
  const c = new Checker();
  const plan = body(c, c.obj(value, 'plan'));
  return c.errors.length === 0 ? { ok: true, plan } : { ok: false, errors: c.errors };
}

export function parsePlanJson(text: string): PlanParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [`The file is not valid JSON (${reason}). Save a plan from this screen to see the expected layout.`],
    };
  }
  return checkPlan(value);
}

export function planToJson(plan: CompPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
