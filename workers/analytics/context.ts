// Shared state of one analytics session inside the worker.
import type { FileInput, FileReadOptions, StagedFile } from '../../src/engine-api/types';
import type { EngineHost } from '../../src/platform/engine/host';
import type { SqlRunner } from '../../src/platform/engine/runner';

export interface StagedEntry {
  readonly info: StagedFile;
  readonly firstDataLine: number;
  /** Rows removed before staging (preamble, report footer, repeated headers): counted, never lost. */
  readonly skippedRows: number;
  /** The dropped file and the reading options it was staged with, to stage it again with others. */
  readonly input: FileInput;
  readonly options: FileReadOptions;
  /** The line map table, when the file's records do not sit one per line (src/staging/lineMap.ts). */
  readonly lineMap?: string;
}

export interface AnalyticsContext {
  readonly host: EngineHost;
  readonly sql: SqlRunner;
  /** Files staged and not yet replaced, by fileId. */
  readonly staged: Map<string, StagedEntry>;
  nextFileId(): string;
}
