// The plan as the form edits it: the same shape as CompPlan with the readonly marks
// removed, so inputs can bind to its fields. It is checked (src/features/comp/core/validate) before use.
import type { CompPlan } from './core/plan';

export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;

export function toDraft(plan: CompPlan): Draft<CompPlan> {
  return structuredClone(plan) as Draft<CompPlan>;
}
