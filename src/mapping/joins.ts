// Several files dropped together: classify each, then decide how they join — owner → reps,
// account → accounts (by id when both sides carry one, else by name), lead ↔ opportunity
// through whichever side carries the reference. The result explains itself in `joins`.
import { normalizeHeader } from './normalize';
import { recognize, type FileHeaders } from './recognize';
import type { TableMapping, TargetTable } from './types';

export interface JoinNote {
  readonly from: { readonly fileId: string; readonly table: TargetTable; readonly column: string };
  readonly to: { readonly fileId: string | null; readonly table: TargetTable; readonly column: string };
  /** 'id' when both sides carry a record id, 'name' when they meet on a name. */
  readonly key: 'id' | 'name' | 'none';
  readonly description: string;
}

export interface Recognition {
  readonly mappings: TableMapping[];
  readonly joins: JoinNote[];
}

/** Recognizes every file, then settles the keys the files join on. */
export function recognizeFiles(files: readonly FileHeaders[]): Recognition {
  const mappings = files.map(recognize);
  const headersOf = new Map(files.map((f) => [f.fileId, f.columns]));
  const joins: JoinNote[] = [];
  const opps = mappings.filter((m) => m.table === 'opportunities');
  for (const opp of opps) {
    joinOwners(opp, mappings, headersOf, joins);
    joinAccounts(opp, mappings, headersOf, joins);
  }
  joinLeads(mappings, joins);
  return { mappings, joins };
}

const isIdHeader = (header: string) => /id$/.test(normalizeHeader(header));
const idHeaderOf = (headers: readonly string[]) => headers.find((h) => ['id', 'recordid', 'userid'].includes(normalizeHeader(h)));

function replace(mappings: TableMapping[], next: TableMapping): void {
  const i = mappings.findIndex((m) => m.fileId === next.fileId);
  if (i >= 0) mappings[i] = next;
}

function joinOwners(opp: TableMapping, mappings: TableMapping[], headersOf: Map<string, readonly string[]>, joins: JoinNote[]) {
  const owner = opp.columns['owner']?.source;
  const reps = mappings.find((m) => m.table === 'reps');
  if (!owner || !reps) return;
  const from = { fileId: opp.fileId, table: 'opportunities' as const, column: 'owner' };
  const repsId = idHeaderOf(headersOf.get(reps.fileId) ?? []);
  // Deals that name their owner only by user id join a users file on its id, not its name.
  if (isIdHeader(owner) && repsId) {
    replace(mappings, { ...reps, columns: { ...reps.columns, rep: { source: repsId } } });
    joins.push({
      from,
      to: { fileId: reps.fileId, table: 'reps', column: repsId },
      key: 'id',
      description: `Deal owners are user ids ("${owner}"): reps are matched on "${repsId}".`,
    });
    return;
  }
  const rep = reps.columns['rep']?.source ?? '?';
  joins.push({
    from,
    to: { fileId: reps.fileId, table: 'reps', column: rep },
    key: 'name',
    description: `Deal owners ("${owner}") are matched to reps by name ("${rep}").`,
  });
}

function joinAccounts(opp: TableMapping, mappings: TableMapping[], headersOf: Map<string, readonly string[]>, joins: JoinNote[]) {
  const accounts = mappings.find((m) => m.table === 'accounts');
  if (!accounts) return;
  const from = (column: string) => ({ fileId: opp.fileId, table: 'opportunities' as const, column });
  const oppId = opp.columns['account_id']?.source;
  let accId = accounts.columns['account_id']?.source;
  if (oppId && !accId) {
    // Accounts keyed by a record id the generic matcher did not take for the account id.
    accId = idHeaderOf(headersOf.get(accounts.fileId) ?? []);
    if (accId) replace(mappings, { ...accounts, columns: { ...accounts.columns, account_id: { source: accId } } });
  }
  if (oppId && accId) {
    joins.push({
      from: from('account_id'),
      to: { fileId: accounts.fileId, table: 'accounts', column: accId },
      key: 'id',
      description: `Deals join accounts by id ("${oppId}" → "${accId}").`,
    });
    return;
  }
  const oppName = opp.columns['account_name']?.source;
  const accName = accounts.columns['account_name']?.source;
  joins.push(
    oppName && accName
      ? {
          from: from('account_name'),
          to: { fileId: accounts.fileId, table: 'accounts', column: accName },
          key: 'name',
          description: `Deals join accounts by name ("${oppName}" → "${accName}").`,
        }
      : {
          from: from('account_name'),
          to: { fileId: accounts.fileId, table: 'accounts', column: accName ?? '' },
          key: 'none',
          description: 'The deals carry no account name or id that the accounts file has.',
        },
  );
}

function joinLeads(mappings: readonly TableMapping[], joins: JoinNote[]): void {
  const leads = mappings.find((m) => m.table === 'leads');
  const opp = mappings.find((m) => m.table === 'opportunities');
  if (!leads || !opp) return;
  const oppLead = opp.columns['lead_id']?.source;
  const leadOpp = leads.columns['converted_opportunity_id']?.source;
  if (oppLead) {
    joins.push({
      from: { fileId: opp.fileId, table: 'opportunities', column: 'lead_id' },
      to: { fileId: leads.fileId, table: 'leads', column: 'lead_id' },
      key: 'id',
      description: `Deals name the lead they came from ("${oppLead}").`,
    });
  } else if (leadOpp) {
    joins.push({
      from: { fileId: leads.fileId, table: 'leads', column: 'converted_opportunity_id' },
      to: { fileId: opp.fileId, table: 'opportunities', column: 'opportunity_id' },
      key: 'id',
      description: `Leads name the deal they converted into ("${leadOpp}").`,
    });
  } else {
    joins.push({
      from: { fileId: leads.fileId, table: 'leads', column: 'lead_id' },
      to: { fileId: opp.fileId, table: 'opportunities', column: 'lead_id' },
      key: 'none',
      description: 'Neither file names the other: lead conversions are counted from the leads file alone.',
    });
  }
}
