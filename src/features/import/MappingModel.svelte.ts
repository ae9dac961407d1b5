// The mapping screen's state: the proposed plan, editable column by column, with the
// problems that keep it from being applied. Edits clear the affected column's profiled
// decisions so the engine profiles the newly chosen column again.
import type { FileReadOptions, ImportProposal, ImportQuestion, QuestionReading, StagedFile } from '../../engine-api/types';
import type { KeyValueStore } from '../../mapping/memory';
import { PRESETS } from '../../mapping/presets';
import { evidenceOrder, moveStage } from '../../mapping/stageOrder';
import { inferWonLost } from '../../mapping/synonyms';
import { targetColumns } from '../../mapping/targets';
import type { ColumnSource, ImportPlan, StatusRule, TableMapping, TargetTable } from '../../mapping/types';
import { planProblems } from '../../mapping/validate';
import { rememberPlan } from './rememberedPlan';
import { SnapshotChoice } from './SnapshotChoice.svelte';

export type StageMeaning = 'won' | 'lost' | 'open';

/** Stages one file again with other reading options and proposes the mapping again (the engine door). */
export type Restage = (fileId: string, options: FileReadOptions) => Promise<ImportProposal>;

/** Profiles an edited file's mapping and returns the questions it raises (the engine door). */
export type Ask = (mapping: TableMapping) => Promise<readonly ImportQuestion[]>;

export class MappingModel {
  mappings = $state<TableMapping[]>([]);
  proposal = $state.raw<ImportProposal>({ files: [], plan: { mappings: [] }, needsReview: true, questions: [] });
  /** The file being read again, while it is. */
  restaging = $state<string | null>(null);
  readingError = $state<string | null>(null);
  /** The open and answered questions of the mapping as edited (a column chosen by hand may raise one). */
  questions = $state.raw<readonly ImportQuestion[]>([]);
  /** Files whose edited mapping the engine is profiling; Load waits for them. */
  checking = $state<readonly string[]>([]);
  /** What the user chose per file; the rest is what staging detected. */
  private overrides: Record<string, FileReadOptions> = {};
  /** Latest request per file: an older answer never replaces a newer one's questions. */
  private asked: Record<string, number> = {};
  /** Two snapshots of one export, when the drop holds them: dated here before Load. */
  readonly snapshots = new SnapshotChoice(() => this.proposal.snapshots ?? []);

  constructor(
    proposal: ImportProposal,
    private readonly restage?: Restage,
    private readonly ask?: Ask,
  ) {
    this.proposal = proposal;
    this.mappings = proposal.plan.mappings.map((m) => ({ ...m }));
    this.questions = proposal.questions;
  }

  get files(): readonly StagedFile[] {
    return this.proposal.files;
  }

  /** Reading options can be changed only where the page can stage again. */
  get canChangeReading(): boolean {
    return this.restage !== undefined;
  }

  /**
   * Reads one file again with a different delimiter, encoding or sheet. The file's mapping
   * is proposed afresh (its columns may have changed); the other files keep the user's edits.
   */
  async changeReading(fileId: string, change: FileReadOptions): Promise<void> {
    if (!this.restage) return;
    const options = { ...this.overrides[fileId], ...change };
    this.restaging = fileId;
    this.readingError = null;
    try {
      const next = await this.restage(fileId, options);
      this.overrides = { ...this.overrides, [fileId]: options };
      const edited = (id: string) => this.mappings.find((m) => m.fileId === id);
      this.mappings = next.plan.mappings.map((m) => ({ ...(m.fileId === fileId ? m : (edited(m.fileId) ?? m)) }));
      // The other files keep the questions of their edited mappings.
      this.questions = [
        ...this.questions.filter((q) => q.fileId !== fileId),
        ...next.questions.filter((q) => q.fileId === fileId),
      ];
      this.proposal = next;
    } catch (error) {
      const name = this.file(fileId)?.fileName ?? fileId;
      this.readingError = `${name} could not be read that way: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.restaging = null;
    }
  }

  /** What keeps the plan from being applied (an unanswered question too); recomputed as the user edits. */
  get problems(): string[] {
    const names = Object.fromEntries(this.files.map((f) => [f.fileId, f.fileName]));
    const unanswered = this.questions
      .filter((q) => this.chosenReading(q) === undefined)
      .map((q) => `${names[q.fileId] ?? q.fileId}: choose how to read "${q.column}" (see the question above).`);
    const checking = this.checking.map((id) => `${names[id] ?? id}: reading the chosen columns…`);
    return [...planProblems(this.plan, names), ...this.snapshots.problems(this.plan, names), ...unanswered, ...checking];
  }

  /** The reading the user chose for a question, if any: the one whose decisions the plan now carries. */
  chosenReading(q: ImportQuestion): QuestionReading['reading'] | undefined {
    const d = this.mappings.find((m) => m.fileId === q.fileId)?.decisions?.[q.column];
    if (!d) return undefined;
    const same = (r: QuestionReading) =>
      q.kind === 'date'
        ? r.decisions.dateFormat === d.dateFormat
        : (r.decisions.decimalComma ?? false) === (d.decimalComma ?? false) && d.dateFormat === undefined;
    return q.readings.find(same)?.reading;
  }

  /** Answers a question: the column is read as the chosen reading says (remembered with the mapping). */
  answer(q: ImportQuestion, reading: QuestionReading): void {
    this.update(q.fileId, (m) => ({ ...m, decisions: { ...m.decisions, [q.column]: reading.decisions } }));
  }

  get plan(): ImportPlan {
    const snapshots = this.snapshots.plan;
    return { mappings: this.mappings, ...(snapshots ? { snapshots } : {}) };
  }

  get joins(): NonNullable<ImportProposal['joins']> {
    return this.proposal.joins ?? [];
  }

  file(fileId: string): StagedFile | undefined {
    return this.files.find((f) => f.fileId === fileId);
  }

  /** "HubSpot deals", "remembered from last time", "guessed from the headers", … */
  describe(m: TableMapping): string {
    if (m.presetId === 'generic') return 'guessed from the headers';
    if (m.presetId === 'content') return 'guessed from the values (ids another file shares, won dates)';
    if (m.presetId === 'manual') return 'chosen by you';
    if (m.presetId === 'remembered') return 'as you mapped it last time';
    return PRESETS.find((p) => p.id === m.presetId)?.label ?? m.presetId;
  }

  samples(fileId: string, column: string | undefined): string {
    if (!column) return '';
    return (this.file(fileId)?.columns.find((c) => c.name === column)?.samples ?? []).slice(0, 3).join(' · ');
  }

  /** The values the won/lost choice is made on: the staged stage values, or the column's samples. */
  stageValues(fileId: string): readonly string[] {
    const status = this.mappings.find((x) => x.fileId === fileId)?.status;
    return status?.kind === 'stage' ? this.valuesOf(fileId, status.column) : [];
  }

  meaningOf(fileId: string, value: string): StageMeaning {
    const status = this.mappings.find((m) => m.fileId === fileId)?.status;
    if (status?.kind !== 'stage') return 'open';
    const v = value.trim().toLowerCase();
    if (status.won.some((w) => w.trim().toLowerCase() === v)) return 'won';
    return status.lost.some((l) => l.trim().toLowerCase() === v) ? 'lost' : 'open';
  }

  setTable(fileId: string, table: TargetTable | 'ignore'): void {
    this.update(fileId, (m) => ({
      ...m,
      table,
      columns: table === m.table ? m.columns : {},
      confidence: 0.5,
      presetId: 'manual',
    }));
    void this.askAgain(fileId);
  }

  setColumn(fileId: string, target: string, source: string): void {
    this.update(fileId, (m) => {
      const columns: Record<string, ColumnSource> = { ...m.columns };
      if (source) columns[target] = { source };
      else delete columns[target];
      const status: StatusRule | undefined =
        target === 'stage' && source && m.status?.kind !== 'flags' ? this.stageRule(fileId, source) : m.status;
      // A column newly chosen for a field is read afresh for that field (its old decision may be of another kind).
      const elsewhere = Object.entries(m.columns).some(
        ([t, c]) => t !== target && (c.source === source || c.fallback === source),
      );
      const decisions = { ...m.decisions };
      if (source && !elsewhere) delete decisions[source];
      return { ...m, columns, decisions, ...(status ? { status } : {}), presetId: 'manual' };
    });
    void this.askAgain(fileId);
  }

  /**
   * Profiles a file's edited mapping in the engine, as on a drop: the columns chosen by hand
   * and the columns that were questions are read again, so a choice that reads two ways is
   * asked (not refused at Load) and a question about a column no longer mapped goes away.
   * The user's answers stay in the mapping and show as chosen.
   */
  private async askAgain(fileId: string): Promise<void> {
    const m = this.mappings.find((x) => x.fileId === fileId);
    if (!this.ask || !m) return;
    const ticket = (this.asked[fileId] ?? 0) + 1;
    this.asked[fileId] = ticket;
    const reasked = this.questions.filter((q) => q.fileId === fileId).map((q) => q.column);
    const decisions = Object.fromEntries(Object.entries(m.decisions ?? {}).filter(([column]) => !reasked.includes(column)));
    this.checking = [...this.checking.filter((id) => id !== fileId), fileId];
    try {
      const found = await this.ask($state.snapshot({ ...m, decisions }) as TableMapping);
      if (this.asked[fileId] !== ticket) return;
      this.questions = [...this.questions.filter((q) => q.fileId !== fileId), ...found];
    } catch (error) {
      if (this.asked[fileId] !== ticket) return;
      const name = this.file(fileId)?.fileName ?? fileId;
      this.readingError = `${name}: the chosen columns could not be read: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (this.asked[fileId] === ticket) this.checking = this.checking.filter((id) => id !== fileId);
    }
  }

  /** Reads won/lost from the stage column instead of flag columns (or the other way round is kept). */
  useStageColumn(fileId: string): void {
    this.update(fileId, (m) => {
      const stage = m.columns['stage']?.source;
      return stage ? { ...m, status: this.stageRule(fileId, stage), presetId: 'manual' } : m;
    });
  }

  /** Marks a stage value as meaning won, lost or neither (open). */
  setStageMeaning(fileId: string, value: string, meaning: StageMeaning): void {
    this.update(fileId, (m) => {
      if (m.status?.kind !== 'stage') return m;
      const same = (v: string) => v.trim().toLowerCase() === value.trim().toLowerCase();
      const won = m.status.won.filter((v) => !same(v));
      const lost = m.status.lost.filter((v) => !same(v));
      if (meaning === 'won') won.push(value);
      if (meaning === 'lost') lost.push(value);
      return { ...m, status: { ...m.status, won, lost }, presetId: 'manual' };
    });
  }

  /** A deals file's open stages in funnel order: the user's order, else known pipelines and stage words, else as found. */
  funnelOrder(fileId: string): readonly string[] {
    const m = this.mappings.find((x) => x.fileId === fileId);
    const column = m?.columns['stage']?.source;
    if (!m || m.table !== 'opportunities' || !column) return [];
    const open = this.valuesOf(fileId, column).filter((v) => this.meaningOf(fileId, v) === 'open');
    return evidenceOrder(open, m.stageOrder);
  }

  /** Moves a stage up or down the funnel; from then on the whole order shown is the user's. */
  moveStage(fileId: string, stage: string, by: -1 | 1): void {
    const order = this.funnelOrder(fileId);
    this.update(fileId, (m) => ({ ...m, stageOrder: moveStage(order, stage, by) }));
  }

  mappableTargets(fileId: string): readonly { name: string; kind: string; required: boolean }[] {
    const m = this.mappings.find((x) => x.fileId === fileId);
    if (!m || m.table === 'ignore') return [];
    return targetColumns(m.table).map((c) => ({ name: c.name, kind: c.kind, required: c.required ?? false }));
  }

  /** Keeps the confirmed plan for the next file with the same headers. */
  remember(store: KeyValueStore): void {
    rememberPlan(this.proposal, this.plan, store);
  }

  private stageRule(fileId: string, column: string): StatusRule {
    return { kind: 'stage', column, ...inferWonLost([...this.valuesOf(fileId, column)]) };
  }

  private valuesOf(fileId: string, column: string): readonly string[] {
    const file = this.file(fileId);
    const original = this.proposal.plan.mappings.find((x) => x.fileId === fileId)?.status;
    if (original?.kind === 'stage' && original.column === column && file?.stageValues.length) return file.stageValues;
    const samples = file?.columns.find((c) => c.name === column)?.samples ?? [];
    return samples.filter((v, i) => samples.indexOf(v) === i);
  }

  private update(fileId: string, change: (m: TableMapping) => TableMapping): void {
    this.mappings = this.mappings.map((m) => (m.fileId === fileId ? change(m) : m));
  }
}
