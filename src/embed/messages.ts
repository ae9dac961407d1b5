// The postMessage API of an embedded pipelens (docs/embedding.md). Incoming messages are
// checked here, field by field, before anything acts on them.

export interface FileMessage {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

export type HostMessage =
  | { readonly type: 'pipelens:load-files'; readonly requestId?: string; readonly files: readonly FileMessage[] }
  | { readonly type: 'pipelens:set-view'; readonly requestId?: string; readonly hash: string }
  | { readonly type: 'pipelens:get-kpis'; readonly requestId?: string };

export type PageMessage =
  | { readonly type: 'pipelens:ready'; readonly state: string }
  | { readonly type: 'pipelens:height'; readonly height: number }
  | {
      readonly type: 'pipelens:result';
      readonly requestId: string | null;
      readonly ok: boolean;
      readonly error?: string;
      readonly problems?: readonly string[];
      readonly kpis?: readonly { readonly id: string; readonly value: number | null; readonly reason: string | null }[];
    };

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function file(value: unknown): FileMessage | null {
  const r = record(value);
  if (!r || typeof r['name'] !== 'string' || !r['name']) return null;
  const bytes = r['bytes'];
  if (bytes instanceof ArrayBuffer) return { name: r['name'], bytes };
  if (ArrayBuffer.isView(bytes))
    return { name: r['name'], bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice().buffer };
  return null;
}

/** A well-formed host message, or null (unknown or malformed messages are ignored). */
export function parseHostMessage(data: unknown): HostMessage | null {
  const r = record(data);
  if (!r) return null;
  const requestId = typeof r['requestId'] === 'string' ? r['requestId'] : undefined;
  const id = requestId === undefined ? {} : { requestId };
  switch (r['type']) {
    case 'pipelens:load-files': {
      if (!Array.isArray(r['files']) || r['files'].length === 0) return null;
      const files = r['files'].map(file);
      return files.every((f) => f !== null) ? { type: 'pipelens:load-files', ...id, files } : null;
    }
    case 'pipelens:set-view':
      return typeof r['hash'] === 'string' ? { type: 'pipelens:set-view', ...id, hash: r['hash'] } : null;
    case 'pipelens:get-kpis':
      return { type: 'pipelens:get-kpis', ...id };
    default:
      return null;
  }
}
