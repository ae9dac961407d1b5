// The mapping screen's state: the proposed plan, editable column by column, with the
// problems that keep it from being applied. Edits clear the affected column's profiled
// decisions so the engine profiles the newly chosen column again.
import type { ImportProposal, StagedFile } from '../../engine-api/types';
import { targetColumns } from '../../mapping/targets';
import type { ColumnSource, ImportPlan, StatusRule, TableMapping, TargetTable } from '../../mapping/types';
import { planProblems } from '../../mapping/validate';

export class MappingModel {
  mappings = $state<TableMapping[]>([]);
  readonly files: readonly StagedFile[];
  readonly questions: ImportProposal['questions'];
  readonly proposal: ImportProposal;

  constructor(proposal: ImportProposal) {
    this.proposal = proposal;
    this.files = proposal.files;
    this.questions = proposal.questions;
    this.mappings = proposal.plan.mappings.map((m) => ({ ...m }));
  }

  /** What keeps the plan from being applied; recomputed as the user edits. */
  get problems(): string[] {
    return planProblems(this.plan, Object.fromEntries(this.files.map((f) => [f.fileId, f.fileName])));
  }

  get plan(): ImportPlan {
    return { mappings: this.mappings };
  }

  file(fileId: string): StagedFile | undefined {
    return this.files.find((f) => f.fileId === fileId);
  }

  setTable(fileId: string, table: TargetTable | 'ignore'): void {
    this.update(fileId, (m) => ({
      ...m,
      table,
      columns: table === m.table ? m.columns : {},
      confidence: 0.5,
      presetId: 'manual',
    }));
  }

  setColumn(fileId: string, target: string, source: string): void {
    this.update(fileId, (m) => {
      const columns: Record<string, ColumnSource> = { ...m.columns };
      if (source) columns[target] = { source };
      else delete columns[target];
      const status: StatusRule | undefined =
        target === 'stage' && source && m.status?.kind !== 'flags'
          ? { kind: 'stage', column: source, won: [], lost: [] }
          : m.status;
      return { ...m, columns, ...(status ? { status } : {}), presetId: 'manual' };
    });
  }

  /** Marks a stage value as meaning won, lost or neither (open). */
  setStageMeaning(fileId: string, value: string, meaning: 'won' | 'lost' | 'open'): void {
    this.update(fileId, (m) => {
      if (m.status?.kind !== 'stage') return m;
      const won = m.status.won.filter((v) => v !== value);
      const lost = m.status.lost.filter((v) => v !== value);
      if (meaning === 'won') won.push(value);
      if (meaning === 'lost') lost.push(value);
      return { ...m, status: { ...m.status, won, lost } };
    });
  }

  setDateFormat(fileId: string, column: string, format: string): void {
    this.update(fileId, (m) => ({ ...m, decisions: { ...m.decisions, [column]: { dateFormat: format } } }));
  }

  mappableTargets(fileId: string): readonly { name: string; kind: string; required: boolean }[] {
    const m = this.mappings.find((x) => x.fileId === fileId);
    if (!m || m.table === 'ignore') return [];
    return targetColumns(m.table).map((c) => ({ name: c.name, kind: c.kind, required: c.required ?? false }));
  }

  private update(fileId: string, change: (m: TableMapping) => TableMapping): void {
    this.mappings = this.mappings.map((m) => (m.fileId === fileId ? change(m) : m));
  }
}
