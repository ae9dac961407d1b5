// The page's state machine: empty → loading → ready | error, the URL-hash view state,
// and the import flow (stage → maybe review the mapping → apply → dashboard).
import type { AnalyticsApi, ImportProposal, ImportResult } from '../engine-api/types';
import { DashboardModel } from '../features/dashboard/DashboardModel.svelte';
import { MappingModel } from '../features/import/MappingModel.svelte';
import type { ImportPlan } from '../mapping/types';
import { readViewState, writeViewState, type ViewState } from './viewState';

export type PageState = 'empty' | 'loading' | 'ready' | 'error';

/** The built-in demo: the project's seeded generator, sized to load in about a second. */
export const DEMO = { seed: 20261129, opportunities: 3000 } as const;

export class AppModel {
  state = $state<PageState>('empty');
  error = $state<string | null>(null);
  notices = $state<string[]>([]);
  view = $state<ViewState>(readViewState(location.hash).state);
  dataLabel = $state('');
  importResult = $state<ImportResult | null>(null);
  mapping = $state<MappingModel | null>(null);
  readonly dashboard: DashboardModel;

  constructor(private readonly api: AnalyticsApi) {
    this.dashboard = new DashboardModel(api);
    this.notices = readViewState(location.hash).problems;
  }

  async start(): Promise<void> {
    await this.load('Demo data (generated)', () => this.api.loadDemo(DEMO));
  }

  /** Files from the drop zone or the picker: staged, then applied or shown for review. */
  async dropFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    this.state = 'loading';
    this.error = null;
    try {
      const proposal = await this.api.stageFiles(files.map((f) => ({ name: f.name, data: f })));
      if (proposal.needsReview) this.mapping = new MappingModel(proposal);
      else await this.apply(proposal.plan, proposal);
    } catch (error) {
      this.fail(error);
    }
  }

  async apply(plan: ImportPlan, proposal: ImportProposal): Promise<void> {
    const label = proposal.files.map((f) => f.fileName).join(', ');
    this.mapping = null;
    // The plan may be a $state proxy (edited on the mapping screen): send a plain copy.
    const plain = $state.snapshot(plan) as ImportPlan;
    await this.load(label, () => this.api.applyImport(plain));
  }

  cancelMapping(): void {
    this.mapping = null;
    this.state = this.dashboard.result ? 'ready' : 'empty';
  }

  setView(patch: Partial<ViewState>): void {
    this.view = { ...this.view, ...patch };
    history.replaceState(null, '', writeViewState(this.view));
    void this.refresh();
  }

  /** Back/forward and hand-edited links. */
  syncFromHash(): void {
    const { state, problems } = readViewState(location.hash);
    this.notices = problems;
    this.view = state;
    void this.refresh();
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }

  private async load(label: string, importData: () => Promise<ImportResult>): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      this.importResult = await importData();
      this.dataLabel = label;
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  private async refresh(): Promise<void> {
    if (!this.importResult) return;
    const ok = await this.dashboard.load(this.view);
    if (ok) this.state = 'ready';
    else this.fail(this.dashboard.error);
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
    this.state = 'error';
  }
}
