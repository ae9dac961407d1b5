// Shared state of one analytics session inside the worker.
import type { StagedFile } from '../../src/engine-api/types';
import type { EngineHost } from '../engine/host';
import type { SqlRunner } from '../engine/runner';

export interface StagedEntry {
  readonly info: StagedFile;
  readonly firstDataLine: number;
  /** Rows removed before staging (preamble, report footer, repeated headers): counted, never lost. */
  readonly skippedRows: number;
}

export interface AnalyticsContext {
  readonly host: EngineHost;
  readonly sql: SqlRunner;
  /** Files staged and not yet replaced, by fileId. */
  readonly staged: Map<string, StagedEntry>;
  nextFileId(): string;
}
