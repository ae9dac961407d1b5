// The ranked open leads as a CSV file (the one CSV writer), with where each lead came from.
import type { RankedLead } from './contract';
import { toCsv } from '../../export/csv';

export function rankedCsv(rows: readonly RankedLead[]): string {
  return toCsv(
    ['rank', 'lead_id', 'score', 'created', 'source', 'owner', 'company', 'source_file', 'source_line'],
    rows.map((r, i) => [i + 1, r.leadId, r.score, r.created, r.source, r.owner, r.company, r.sourceFile, r.sourceLine]),
  );
}
