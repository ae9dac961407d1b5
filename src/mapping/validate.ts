// Checks a plan before loading: every required column mapped, a way to tell won from lost.
import { OWN_ID } from './contentId';
import { targetColumns } from './targets';
import type { ImportPlan } from './types';

export function planProblems(plan: ImportPlan, fileNames: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const m of plan.mappings) {
    if (m.table === 'ignore') continue;
    const file = fileNames[m.fileId] ?? m.fileId;
    for (const col of targetColumns(m.table)) {
      // A missing own id is made from the row's content (src/mapping/contentId.ts).
      if (col.required && !m.columns[col.name] && OWN_ID[m.table] !== col.name)
        problems.push(`${file}: choose the column that holds ${col.name} (required for ${m.table}).`);
    }
    if (m.table === 'opportunities' && !m.status) {
      problems.push(`${file}: choose the stage column, or the IsWon/IsClosed columns, so deals can be told open, won or lost.`);
    }
    if (m.status?.kind === 'stage' && m.status.won.length === 0) {
      problems.push(`${file}: no stage value is marked as won; mark which stage values mean won and lost.`);
    }
  }
  if (!plan.mappings.some((m) => m.table === 'opportunities')) {
    problems.push('No file is mapped to opportunities: the dashboard needs at least one deals export.');
  }
  return problems;
}
