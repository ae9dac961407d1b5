// The compensation screen's part of the URL hash:
//   c.plan=<plan JSON>   the plan being edited, when it differs from the one fitted to the data
// The same JSON as "Save plan" writes (compact), checked field by field on the way in
// (src/features/comp/core/validate.ts): a link with a broken plan opens on the fitted plan with a notice.
import type { CompPlan } from './core/plan';
import { parsePlanJson } from './core/validate';

export function readCompHash(params: URLSearchParams, problems: string[]): CompPlan | undefined {
  const raw = params.get('c.plan');
  if (raw === null) return undefined;
  const parsed = parsePlanJson(raw);
  if (parsed.ok) return parsed.plan;
  problems.push(
    `The link's compensation plan could not be read (${parsed.errors.slice(0, 2).join('; ')}); showing the plan fitted to the data.`,
  );
  return undefined;
}

export function writeCompHash(plan: CompPlan | undefined, params: URLSearchParams): void {
  if (plan) params.set('c.plan', JSON.stringify(plan));
}
