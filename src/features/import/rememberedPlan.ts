// Applies mappings the user confirmed before to a new proposal: a file whose headers have
// the same signature gets its remembered mapping at confidence 1, and no longer needs review.
import type { ImportProposal } from '../../engine-api/types';
import { recallMapping, rememberMapping, type KeyValueStore } from '../../mapping/memory';
import type { ImportPlan } from '../../mapping/types';

export function applyRemembered(proposal: ImportProposal, store: KeyValueStore): ImportProposal {
  const recalled = new Set<string>();
  const mappings = proposal.plan.mappings.map((m) => {
    const file = proposal.files.find((f) => f.fileId === m.fileId);
    const remembered = file
      ? recallMapping(
          store,
          m.fileId,
          file.columns.map((c) => c.name),
        )
      : undefined;
    if (!remembered) return m;
    recalled.add(m.fileId);
    return remembered;
  });
  if (recalled.size === 0) return proposal;
  // A remembered reading (date order, decimal separator) answers that column's question.
  const questions = proposal.questions.filter((q) => {
    const m = mappings.find((x) => x.fileId === q.fileId);
    return !(recalled.has(q.fileId) && m?.decisions?.[q.column]);
  });
  const needsReview = questions.length > 0 || mappings.some((m) => m.confidence < 1);
  return { ...proposal, plan: { mappings }, questions, needsReview };
}

/** Stores every mapping of a plan the user confirmed, keyed by its file's header signature. */
export function rememberPlan(proposal: ImportProposal, plan: ImportPlan, store: KeyValueStore): void {
  for (const m of plan.mappings) {
    const file = proposal.files.find((f) => f.fileId === m.fileId);
    if (file)
      rememberMapping(
        store,
        file.columns.map((c) => c.name),
        m,
      );
  }
}

/** The page's localStorage, or a store that forgets (storage can be blocked in embedded frames). */
export function pageStore(): KeyValueStore {
  try {
    const storage = window.localStorage;
    storage.getItem('pipelens.probe');
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}
